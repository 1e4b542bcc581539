@NullMarked
package org.decoop.events.partnership;

import org.jspecify.annotations.NullMarked;
