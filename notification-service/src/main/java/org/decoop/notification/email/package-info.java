@NullMarked
package org.decoop.notification.email;

import org.jspecify.annotations.NullMarked;
