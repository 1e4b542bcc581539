package org.decoop.notification.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

import org.decoop.platform.domain.Phrase;

/**
 * Refuses webhook targets that resolve to loopback, private, link-local, wildcard,
 * multicast or reserved addresses, or to IPv6 addresses that are not global unicast or
 * that embed such an IPv4 address (server-side request forgery), unless configuration
 * allows them. Checked when a subscription is created, and at every send on the addresses
 * the sender then connects to ({@link #checkedAddresses}): a name that resolves to a
 * public address for the check and to an internal one for the connection (DNS rebinding)
 * gets nowhere.
 */
public class TargetGuard {

	private static final byte[] NAT64_PREFIX = { 0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

	private static final byte[] IPV4_MAPPED_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

	/** How host names are resolved: the system's resolver, or a test's. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/**
	 * A target the guard refuses; its message names the host, never the internal address
	 * it resolved to.
	 */
	public static final class TargetRefused extends UnknownHostException {

		TargetRefused(String message) {
			super(message);
		}

	}

	private final boolean allowPrivateTargets;

	private final Resolver resolver;

	public TargetGuard(boolean allowPrivateTargets) {
		this(allowPrivateTargets, InetAddress::getAllByName);
	}

	public TargetGuard(boolean allowPrivateTargets, Resolver resolver) {
		this.allowPrivateTargets = allowPrivateTargets;
		this.resolver = resolver;
	}

	/**
	 * Why the URL may not be called, or empty when it may: the same words whether the
	 * host is internal or does not resolve.
	 */
	public Optional<Phrase> refusal(String url) {
		if (allowPrivateTargets) {
			return Optional.empty();
		}
		try {
			checkedAddresses(URI.create(url).getHost());
			return Optional.empty();
		}
		catch (UnknownHostException e) {
			return Optional.of(Phrase.of("notification.webhook.target-refused", URI.create(url).getHost()));
		}
	}

	/**
	 * Resolves {@code host} once and answers its addresses if every one may be called:
	 * the ones to connect to, so that what was checked is what is connected to.
	 * @throws TargetRefused when one of them is internal
	 * @throws UnknownHostException when it does not resolve
	 */
	public InetAddress[] checkedAddresses(String host) throws UnknownHostException {
		InetAddress[] addresses;
		try {
			addresses = resolver.resolve(host);
		}
		catch (UnknownHostException e) {
			throw new UnknownHostException(Phrase.of("notification.webhook.target-refused", host).english());
		}
		if (!allowPrivateTargets) {
			for (InetAddress address : addresses) {
				if (isInternal(address)) {
					// Not naming the address it resolves to: that would map the internal
					// network for the caller.
					throw new TargetRefused(Phrase.of("notification.webhook.target-refused", host).english());
				}
			}
		}
		return addresses;
	}

	/**
	 * IPv4: the JDK's loopback, private, link-local, wildcard and multicast predicates,
	 * and the other ranges no webhook lives in. IPv6: global unicast ({@code 2000::/3})
	 * only, and every IPv4 address it embeds, which a connection may reach, is checked as
	 * one.
	 */
	static boolean isInternal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 ? isInternalIpv6(bytes) : isInternalIpv4(address);
	}

	private static boolean isInternalIpv4(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		return first == 0 // "this network" 0.0.0.0/8 (Linux connects 0.0.0.0 to itself)
				|| (first == 100 && (second & 0xc0) == 64) // carrier-grade NAT
															// 100.64.0.0/10
				|| (first == 192 && second == 0 && bytes[2] == 0) // IETF protocol
																	// assignments
																	// 192.0.0.0/24
				|| (first == 198 && (second & 0xfe) == 18) // benchmarking 198.18.0.0/15
				|| first >= 240; // reserved 240.0.0.0/4 and broadcast
	}

	/**
	 * A resolver may answer an AAAA record that leads to an IPv4 address: IPv4-mapped
	 * {@code ::ffff:a.b.c.d} (a dual-stack socket connects to a.b.c.d), NAT64, 6to4 and
	 * Teredo. Those embedded addresses decide; anything else outside global unicast is
	 * refused (loopback, unspecified, the deprecated IPv4-compatible {@code ::a.b.c.d},
	 * unique and link local, multicast, local-use NAT64 {@code 64:ff9b:1::/48},
	 * discard-only {@code 100::/64}).
	 */
	private static boolean isInternalIpv6(byte[] ip) {
		if (Arrays.equals(ip, 0, 12, IPV4_MAPPED_PREFIX, 0, 12) || Arrays.equals(ip, 0, 12, NAT64_PREFIX, 0, 12)) {
			return isInternalIpv4(ipv4(ip, 12, 0));
		}
		if ((ip[0] & 0xe0) != 0x20) {
			return true;
		}
		if (ip[0] == 0x20 && ip[1] == 0x02) {
			// 6to4 2002:AABB:CCDD::/48 reaches a.b.c.d (bits 16-47)
			return isInternalIpv4(ipv4(ip, 2, 0));
		}
		if (ip[0] == 0x20 && ip[1] == 0x01 && ip[2] == 0 && ip[3] == 0) {
			// Teredo 2001::/32: the server in bits 32-63, the client in the last 32 bits,
			// inverted
			return isInternalIpv4(ipv4(ip, 4, 0)) || isInternalIpv4(ipv4(ip, 12, 0xff));
		}
		return false;
	}

	private static InetAddress ipv4(byte[] ipv6, int from, int xor) {
		byte[] ipv4 = Arrays.copyOfRange(ipv6, from, from + 4);
		for (int i = 0; i < ipv4.length; i++) {
			ipv4[i] ^= (byte) xor;
		}
		try {
			return InetAddress.getByAddress(ipv4);
		}
		catch (UnknownHostException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
