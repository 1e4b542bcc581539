@NullMarked
package org.decoop.notification.subscription;

import org.jspecify.annotations.NullMarked;
