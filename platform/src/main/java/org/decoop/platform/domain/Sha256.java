package org.decoop.platform.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the services keep secrets and fingerprints by. Every Java
 * platform has it, so its absence is no case a caller handles.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static byte[] of(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	/** The digest of the text's UTF-8 bytes, in lower-case hex. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The digest of the bytes, in lower-case hex. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(of(bytes));
	}

}
