@NullMarked
package org.decoop.partnership.localauthority.web;

import org.jspecify.annotations.NullMarked;
