package org.decoop.platform.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams CSV exports on a bounded pool of threads of their own ({@code csv-export-*}),
 * never on the servlet container's or the application's task executor: a slow reader
 * holds one of these threads, and nothing else. When all are busy, the next export is
 * refused at once ({@link ExportsBusy}: 503 with {@code Retry-After}) instead of queuing
 * behind them. An export that takes longer than the write timeout to reach its reader is
 * cut off, freeing its place.
 */
public class CsvExports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CsvExports.class);

	private static final MediaType CSV = MediaType.parseMediaType(CsvExport.MEDIA_TYPE + ";charset=UTF-8");

	private static final int CHUNK = 8 * 1024;

	private final Semaphore places;

	private final ThreadPoolTaskExecutor executor;

	private final Duration writeTimeout;

	public CsvExports(CsvExportProperties properties) {
		this.places = new Semaphore(properties.maxConcurrent());
		this.writeTimeout = properties.writeTimeout();
		this.executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.maxConcurrent());
		executor.setMaxPoolSize(properties.maxConcurrent());
		// the places bound the exports; a small queue only covers a thread not yet back
		// in the pool
		executor.setQueueCapacity(properties.maxConcurrent());
		executor.setThreadNamePrefix("csv-export-");
		executor.initialize();
	}

	/**
	 * A download named {@code fileName}, its rows written by {@code body} on an export
	 * thread as the client reads them.
	 * @throws ExportsBusy when every export thread is taken
	 */
	public ResponseEntity<ResponseBodyEmitter> attachment(String fileName, StreamingResponseBody body) {
		if (!places.tryAcquire()) {
			throw new ExportsBusy("Every CSV export place is taken; try again shortly");
		}
		ResponseBodyEmitter emitter = new ResponseBodyEmitter(writeTimeout.toMillis());
		try {
			executor.execute(() -> write(body, emitter));
		}
		catch (TaskRejectedException e) {
			places.release();
			throw new ExportsBusy("Every CSV export place is taken; try again shortly");
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(emitter);
	}

	private void write(StreamingResponseBody body, ResponseBodyEmitter emitter) {
		Exception failure = null;
		try (OutputStream out = new BufferedOutputStream(new EmitterStream(emitter), CHUNK)) {
			body.writeTo(out);
		}
		catch (IOException | RuntimeException e) {
			// the reader went away, was too slow (write timeout), or the rows could not
			// be read
			failure = e;
		}
		finally {
			// free before completing: whoever the completion wakes finds the place free
			places.release();
		}
		if (failure == null) {
			emitter.complete();
		}
		else {
			log.debug("CSV export stopped: {}", failure.toString());
			emitter.completeWithError(failure);
		}
	}

	@Override
	public void destroy() {
		executor.shutdown();
	}

	/**
	 * Hands what the CSV writer produces to the emitter, one buffered chunk at a time.
	 */
	private static final class EmitterStream extends OutputStream {

		private final ResponseBodyEmitter emitter;

		EmitterStream(ResponseBodyEmitter emitter) {
			this.emitter = emitter;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			if (length > 0) {
				try {
					emitter.send(Arrays.copyOfRange(bytes, offset, offset + length), CSV);
				}
				catch (IllegalStateException completed) {
					// timed out or the connection failed meanwhile
					throw new IOException("the export was cut off", completed);
				}
			}
		}

	}

	/** All export places are taken (answered 503 with {@code Retry-After}). */
	public static class ExportsBusy extends RuntimeException {

		public ExportsBusy(String message) {
			super(message);
		}

	}

}
