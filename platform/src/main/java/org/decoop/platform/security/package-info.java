@NullMarked
package org.decoop.platform.security;

import org.jspecify.annotations.NullMarked;
