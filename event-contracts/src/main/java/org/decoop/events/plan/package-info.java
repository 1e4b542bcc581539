@NullMarked
package org.decoop.events.plan;

import org.jspecify.annotations.NullMarked;
