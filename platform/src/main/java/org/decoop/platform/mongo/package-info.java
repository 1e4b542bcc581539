@NullMarked
package org.decoop.platform.mongo;

import org.jspecify.annotations.NullMarked;
