@NullMarked
package org.decoop.notification.subscription.domain;

import org.jspecify.annotations.NullMarked;
