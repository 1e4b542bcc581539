@NullMarked
package org.decoop.partnership.search.domain;

import org.jspecify.annotations.NullMarked;
