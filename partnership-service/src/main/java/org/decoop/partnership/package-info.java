@NullMarked
package org.decoop.partnership;

import org.jspecify.annotations.NullMarked;
