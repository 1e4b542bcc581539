@NullMarked
package org.decoop.platform.deadletter;

import org.jspecify.annotations.NullMarked;
