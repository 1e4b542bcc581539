/**
 * The {@code Idempotency-Key} request header (IETF httpapi draft) on every command: the
 * first answer to a key is kept in the service's own MongoDB and given again to a retry,
 * so that a client that got no answer may send the same command again without doing it
 * twice.
 */
@NullMarked
package org.decoop.platform.idempotency;

import org.jspecify.annotations.NullMarked;
