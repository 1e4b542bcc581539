package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

/**
 * The guard's answer is no oracle: a caller cannot tell an internal name from one that
 * does not resolve.
 */
class TargetGuardRefusalTest {

	@Test
	void refusesAnInternalNameAndAnUnresolvableOneInTheSameWords() {
		TargetGuard guard = new TargetGuard(false, host -> switch (host) {
			case "intranet.example" -> new InetAddress[] { InetAddress.getByName("10.0.0.7") };
			default -> throw new UnknownHostException(host);
		});

		String internal = guard.refusal("https://intranet.example/hook").orElseThrow().english();
		String unresolvable = guard.refusal("https://nowhere.example/hook").orElseThrow().english();

		assertThat(internal.replace("intranet.example", "HOST"))
			.isEqualTo(unresolvable.replace("nowhere.example", "HOST"));
	}

}
