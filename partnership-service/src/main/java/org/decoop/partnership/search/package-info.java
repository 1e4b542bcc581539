@NullMarked
package org.decoop.partnership.search;

import org.jspecify.annotations.NullMarked;
