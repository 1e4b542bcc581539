@NullMarked
package org.decoop.partnership.localauthority;

import org.jspecify.annotations.NullMarked;
