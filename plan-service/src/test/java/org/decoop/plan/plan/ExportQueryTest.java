package org.decoop.plan.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The CSV export's cursor: read a batch at a time, and stopped on the server when the request's time is up. */
class ExportQueryTest {

    @Test
    void boundsTheExportQueryByTheRequestTimeout() {
        MongoTemplate mongo = mock(MongoTemplate.class);
        when(mongo.stream(any(Query.class), eq(PlanDocument.class))).thenReturn(Stream.empty());

        new Plans(mongo, null).all(null, null, null, null).close();

        ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
        verify(mongo).stream(query.capture(), eq(PlanDocument.class));
        assertThat(query.getValue().getMeta().getMaxTimeMsec()).isEqualTo(Duration.ofMinutes(30).toMillis());
        assertThat(query.getValue().getMeta().getCursorBatchSize()).isEqualTo(100);
    }
}
