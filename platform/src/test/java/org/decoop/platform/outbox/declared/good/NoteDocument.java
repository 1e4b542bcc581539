package org.decoop.platform.outbox.declared.good;

import org.springframework.data.mongodb.core.mapping.Document;

/** A document with no events. */
@Document("notes")
class NoteDocument {

}
