@NullMarked
package org.decoop.platform.web;

import org.jspecify.annotations.NullMarked;
