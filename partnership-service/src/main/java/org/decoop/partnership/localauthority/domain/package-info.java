@NullMarked
package org.decoop.partnership.localauthority.domain;

import org.jspecify.annotations.NullMarked;
