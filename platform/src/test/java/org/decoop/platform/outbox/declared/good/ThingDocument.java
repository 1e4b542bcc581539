package org.decoop.platform.outbox.declared.good;

import org.decoop.platform.outbox.Outbox;
import org.decoop.platform.outbox.OutboxDocument;
import org.springframework.data.mongodb.core.mapping.Document;

/** A document whose events wait in it. */
@Document("things")
@Outbox(topic = "thing-events", source = "/thing-service")
class ThingDocument extends OutboxDocument {

}
