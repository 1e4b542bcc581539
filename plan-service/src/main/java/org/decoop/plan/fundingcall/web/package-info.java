@NullMarked
package org.decoop.plan.fundingcall.web;

import org.jspecify.annotations.NullMarked;
