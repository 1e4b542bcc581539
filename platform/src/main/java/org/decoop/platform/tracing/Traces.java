package org.decoop.platform.tracing;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the hops that Kafka headers do not: from a write to the relay
 * that publishes its events later (the outbox keeps the write's {@code traceparent}), and
 * from a stored notification to the worker that delivers it. So one trace shows a
 * command, its relay, each consumer and the delivery.
 */
public interface Traces {

	/** No tracing: nothing is carried. */
	Traces NONE = new Traces() {
		@Override
		public Optional<String> current() {
			return Optional.empty();
		}

		@Override
		public <T> T inTraceOf(@Nullable String traceparent, String name, Supplier<T> work) {
			return work.get();
		}
	};

	/** The W3C {@code traceparent} of the span in progress, if there is one. */
	Optional<String> current();

	/**
	 * Runs {@code work} in a new span named {@code name}, a child of {@code traceparent}
	 * (or of nothing when null).
	 */
	<T> T inTraceOf(@Nullable String traceparent, String name, Supplier<T> work);

	/** Micrometer Tracing's, whatever tracer is behind it (OpenTelemetry here). */
	static Traces of(Tracer tracer) {
		return new Traces() {
			@Override
			public Optional<String> current() {
				Span span = tracer.currentSpan();
				if (span == null) {
					return Optional.empty();
				}
				TraceContext context = span.context();
				return Optional.of("00-%s-%s-%s".formatted(context.traceId(), context.spanId(),
						Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
			}

			@Override
			public <T> T inTraceOf(@Nullable String traceparent, String name, Supplier<T> work) {
				Span.Builder builder = tracer.spanBuilder().name(name);
				String[] parts = traceparent == null ? new String[0] : traceparent.split("-");
				if (parts.length == 4) {
					builder.setParent(tracer.traceContextBuilder()
						.traceId(parts[1])
						.spanId(parts[2])
						.sampled("01".equals(parts[3]))
						.build());
				}
				Span span = builder.start();
				try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
					return work.get();
				}
				finally {
					span.end();
				}
			}
		};
	}

}
