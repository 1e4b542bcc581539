package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The query a repository streams its documents with (an export's cursor), caught without
 * a store.
 */
public final class StreamedQueries {

	private StreamedQueries() {
	}

	/**
	 * The one query {@code reading} streams {@code document}s with, from a template that
	 * finds none.
	 */
	public static Query of(Class<?> document, Consumer<MongoTemplate> reading) {
		MongoTemplate mongo = mock(MongoTemplate.class);
		when(mongo.stream(any(Query.class), eq(document))).thenReturn(Stream.empty());
		reading.accept(mongo);
		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(mongo).stream(query.capture(), eq(document));
		return query.getValue();
	}

	/**
	 * Asserts the export cursor {@code reading} streams {@code document}s with: read
	 * {@code batchSize} documents a batch, and stopped on the server when the request's
	 * 30 minutes are up.
	 */
	public static void assertExportCursor(Class<?> document, Consumer<MongoTemplate> reading, int batchSize) {
		Query query = of(document, reading);
		assertThat(query.getMeta().getMaxTimeMsec()).isEqualTo(Duration.ofMinutes(30).toMillis());
		assertThat(query.getMeta().getCursorBatchSize()).isEqualTo(batchSize);
	}

}
