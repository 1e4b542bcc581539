@NullMarked
package org.decoop.plan.plan;

import org.jspecify.annotations.NullMarked;
