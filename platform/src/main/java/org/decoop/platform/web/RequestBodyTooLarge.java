package org.decoop.platform.web;

/** The request body is larger than the service accepts (answered 413). */
public class RequestBodyTooLarge extends RuntimeException {

	private final long limit;

	public RequestBodyTooLarge(long limit) {
		super("The request body exceeds the limit of %d bytes".formatted(limit));
		this.limit = limit;
	}

	/** The limit, in bytes. */
	public long limit() {
		return limit;
	}

}
