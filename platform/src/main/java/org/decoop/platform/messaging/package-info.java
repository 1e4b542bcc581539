@NullMarked
package org.decoop.platform.messaging;

import org.jspecify.annotations.NullMarked;
