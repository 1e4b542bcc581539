@NullMarked
package org.decoop.bench;

import org.jspecify.annotations.NullMarked;
