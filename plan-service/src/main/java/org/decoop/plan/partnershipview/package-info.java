@NullMarked
package org.decoop.plan.partnershipview;

import org.jspecify.annotations.NullMarked;
