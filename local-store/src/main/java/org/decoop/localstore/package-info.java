@NullMarked
package org.decoop.localstore;

import org.jspecify.annotations.NullMarked;
