@NullMarked
package org.decoop.examples.followpartnerships;

import org.jspecify.annotations.NullMarked;
