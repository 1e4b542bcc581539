@NullMarked
package org.decoop.notification;

import org.jspecify.annotations.NullMarked;
