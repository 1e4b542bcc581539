@NullMarked
package org.decoop.platform;

import org.jspecify.annotations.NullMarked;
