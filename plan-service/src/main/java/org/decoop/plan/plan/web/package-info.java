@NullMarked
package org.decoop.plan.plan.web;

import org.jspecify.annotations.NullMarked;
