@NullMarked
package org.decoop.notification.digest.domain;

import org.jspecify.annotations.NullMarked;
