@NullMarked
package org.decoop.notification.notification.domain;

import org.jspecify.annotations.NullMarked;
