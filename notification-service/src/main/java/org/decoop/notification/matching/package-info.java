@NullMarked
package org.decoop.notification.matching;

import org.jspecify.annotations.NullMarked;
