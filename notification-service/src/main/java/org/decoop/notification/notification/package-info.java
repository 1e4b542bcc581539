@NullMarked
package org.decoop.notification.notification;

import org.jspecify.annotations.NullMarked;
