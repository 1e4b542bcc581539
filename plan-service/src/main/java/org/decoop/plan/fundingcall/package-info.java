@NullMarked
package org.decoop.plan.fundingcall;

import org.jspecify.annotations.NullMarked;
