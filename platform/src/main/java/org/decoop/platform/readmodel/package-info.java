@NullMarked
package org.decoop.platform.readmodel;

import org.jspecify.annotations.NullMarked;
