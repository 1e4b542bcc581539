@NullMarked
package org.decoop.notification.inbox;

import org.jspecify.annotations.NullMarked;
