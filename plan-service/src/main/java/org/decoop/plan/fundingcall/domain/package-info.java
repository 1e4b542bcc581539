@NullMarked
package org.decoop.plan.fundingcall.domain;

import org.jspecify.annotations.NullMarked;
