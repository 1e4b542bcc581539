@NullMarked
package org.decoop.partnership.partnership.web;

import org.jspecify.annotations.NullMarked;
