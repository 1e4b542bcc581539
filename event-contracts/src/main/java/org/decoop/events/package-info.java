@NullMarked
package org.decoop.events;

import org.jspecify.annotations.NullMarked;
