@NullMarked
package org.decoop.platform.aggregate;

import org.jspecify.annotations.NullMarked;
