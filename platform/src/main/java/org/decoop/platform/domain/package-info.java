@NullMarked
package org.decoop.platform.domain;

import org.jspecify.annotations.NullMarked;
