@NullMarked
package org.decoop.notification.digest;

import org.jspecify.annotations.NullMarked;
