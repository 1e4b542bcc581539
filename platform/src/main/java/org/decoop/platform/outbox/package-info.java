@NullMarked
package org.decoop.platform.outbox;

import org.jspecify.annotations.NullMarked;
