/**
 * The gateway: one origin for the three services, load-balanced over their instances.
 */
@NullMarked
package org.decoop.gateway;

import org.jspecify.annotations.NullMarked;
