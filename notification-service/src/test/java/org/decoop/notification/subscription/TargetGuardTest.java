package org.decoop.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

	private final TargetGuard guard = new TargetGuard(false);

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://10.1.2.3/hook",
			"http://192.168.1.10/hook", "http://172.16.0.5/hook", "http://169.254.169.254/latest/meta-data",
			"http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd00::1]/hook", "http://100.64.0.1/hook",
			"http://192.0.0.8/hook", "http://198.18.0.1/hook", "http://198.19.255.1/hook", "http://240.0.0.1/hook",
			"http://255.255.255.255/hook", "http://[64:ff9b::a00:1]/hook", "http://[64:ff9b::7f00:1]/hook" })
	void refusesInternalTargets(String url) {
		assertThat(guard.refusal(url)).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.216.34/hook", "http://8.8.8.8/hook", "https://[2606:4700::1111]/hook",
			"http://[64:ff9b::808:808]/hook", "http://192.0.2.1/hook", "http://198.20.0.1/hook" })
	void letsPublicAddressesThrough(String url) {
		assertThat(guard.refusal(url)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080/hook", "http://10.1.2.3/hook" })
	void allowsInternalTargetsWhenConfigured(String url) {
		assertThat(new TargetGuard(true).refusal(url)).isEmpty();
	}

	@Test
	void doesNotSayWhichInternalAddressANameResolvesTo() {
		assertThat(guard.refusal("http://localhost:8080/hook")).hasValueSatisfying(
				refusal -> assertThat(refusal.english()).contains("localhost").doesNotContain("127.0.0.1"));
	}

	/**
	 * AAAA answers that are not global unicast, or that lead to an internal IPv4 address:
	 * mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), 6to4 (2002:AABB:CCDD::),
	 * Teredo (server in bits 32-63, client inverted in the last 32 bits), local-use NAT64
	 * and discard-only.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "::ffff:127.0.0.1", "::ffff:10.0.0.5", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
			"::127.0.0.1", "::10.0.0.5", "2002:7f00:1::1", "2002:a00:5::", "2001:0:a00:5::f7f7:f7f7",
			"2001:0:808:808::80ff:fffe", "2001:0:808:808::f5ff:fffa", "64:ff9b:1::a00:5", "100::1", "::" })
	void refusesIpv6AnswersThatReachAnInternalAddress(String address) throws UnknownHostException {
		TargetGuard resolvingTo = new TargetGuard(false, host -> new InetAddress[] { ipv6(address) });
		assertThat(resolvingTo.refusal("https://hooks.example.org/decoop")).as(address).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1", "2001:0:808:808::f7f7:f7f7",
			"64:ff9b::8.8.8.8" })
	void letsIpv6AnswersThatReachAPublicAddressThrough(String address) throws UnknownHostException {
		TargetGuard resolvingTo = new TargetGuard(false, host -> new InetAddress[] { ipv6(address) });
		assertThat(resolvingTo.refusal("https://hooks.example.org/decoop")).as(address).isEmpty();
	}

	/**
	 * A real 16-byte {@link Inet6Address}, as a resolver may answer it:
	 * {@code InetAddress.getByName} would turn an IPv4-mapped literal into an
	 * {@code Inet4Address}.
	 */
	static InetAddress ipv6(String literal) throws UnknownHostException {
		byte[] parsed = InetAddress.getByName(literal).getAddress();
		byte[] bytes = new byte[16];
		if (parsed.length == 4) {
			bytes[10] = (byte) 0xff;
			bytes[11] = (byte) 0xff;
			System.arraycopy(parsed, 0, bytes, 12, 4);
		}
		else {
			bytes = parsed;
		}
		return Inet6Address.getByAddress(null, bytes, -1);
	}

}
