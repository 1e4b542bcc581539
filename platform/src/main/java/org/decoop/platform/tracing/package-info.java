@NullMarked
package org.decoop.platform.tracing;

import org.jspecify.annotations.NullMarked;
