package org.decoop.bench;

import java.util.List;
import java.util.function.Predicate;

/**
 * How many instances of each service the local stack runs: instance n listens on the
 * first one's port + 100 × (n − 1) (the local stack's {@code --replicas}), and counts
 * when its readiness answers. The count stops at the first instance that does not answer.
 */
final class Instances {

	static final int PORT_STEP = 100;

	private Instances() {
	}

	/**
	 * The base URL of instance {@code instance} (1, 2, ...) of the service whose first
	 * instance is at {@code first} ({@code http://host:port}).
	 */
	static String url(String first, int instance) {
		int colon = first.lastIndexOf(':');
		int port = Integer.parseInt(first.substring(colon + 1));
		return first.substring(0, colon + 1) + (port + PORT_STEP * (instance - 1));
	}

	/**
	 * How many consecutive instances, from the first, of every one of {@code services}
	 * (their first instances' URLs) are ready, at most {@code max}: the fewest over the
	 * services, since a run's figures are per instance of each.
	 */
	static int running(List<String> services, int max, Predicate<String> ready) {
		int fewest = max;
		for (String first : services) {
			int count = 0;
			while (count < max && ready.test(url(first, count + 1))) {
				count++;
			}
			fewest = Math.min(fewest, count);
		}
		return fewest;
	}

}
