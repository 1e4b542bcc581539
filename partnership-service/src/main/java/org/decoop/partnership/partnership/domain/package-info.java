@NullMarked
package org.decoop.partnership.partnership.domain;

import org.jspecify.annotations.NullMarked;
