package org.decoop.platform.outbox.declared.wrong;

import org.decoop.platform.outbox.Outbox;
import org.springframework.data.mongodb.core.mapping.Document;

/** Declared an outbox, but has no place for events. */
@Document("loose")
@Outbox(topic = "loose-events", source = "/loose-service")
class LooseDocument {

}
