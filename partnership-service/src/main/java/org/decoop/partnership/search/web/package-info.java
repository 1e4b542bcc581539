@NullMarked
package org.decoop.partnership.search.web;

import org.jspecify.annotations.NullMarked;
