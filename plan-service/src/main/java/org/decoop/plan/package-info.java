@NullMarked
package org.decoop.plan;

import org.jspecify.annotations.NullMarked;
