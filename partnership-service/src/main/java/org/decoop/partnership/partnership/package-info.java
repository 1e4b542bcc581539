@NullMarked
package org.decoop.partnership.partnership;

import org.jspecify.annotations.NullMarked;
