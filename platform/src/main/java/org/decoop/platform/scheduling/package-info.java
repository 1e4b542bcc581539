@NullMarked
package org.decoop.platform.scheduling;

import org.jspecify.annotations.NullMarked;
