@NullMarked
package org.decoop.events.notification;

import org.jspecify.annotations.NullMarked;
