package org.decoop.platform.outbox;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A command would leave more unpublished events on one aggregate than its document may
 * hold ({@code decoop.outbox.max-pending-events}): the broker has been unreachable for a
 * while. The command writes nothing and is answered 503 with Retry-After; it succeeds
 * once the relay has published (transient: a consumer retries the record rather than
 * parking it). Without this bound the document would grow until MongoDB refuses it (16
 * MiB).
 */
public class OutboxFull extends TransientDataAccessResourceException {

	public OutboxFull(String message) {
		super(message);
	}

}
