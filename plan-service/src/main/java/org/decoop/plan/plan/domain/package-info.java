@NullMarked
package org.decoop.plan.plan.domain;

import org.jspecify.annotations.NullMarked;
