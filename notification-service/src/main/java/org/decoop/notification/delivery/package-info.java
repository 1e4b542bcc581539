@NullMarked
package org.decoop.notification.delivery;

import org.jspecify.annotations.NullMarked;
