package org.decoop.notification.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Refuses webhook targets that resolve to loopback, private, link-local, wildcard, multicast or
 * reserved addresses (server-side request forgery), unless configuration allows them. Checked
 * when a subscription is created, and at every send on the addresses the sender then connects
 * to ({@link #checkedAddresses}): a name that resolves to a public address for the check and to
 * an internal one for the connection (DNS rebinding) gets nowhere.
 */
public class TargetGuard {

    private static final byte[] NAT64_PREFIX = { 0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

    /** How host names are resolved: the system's resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A target the guard refuses; its message names the host, never the internal address it resolved to. */
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

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        try {
            checkedAddresses(URI.create(url).getHost());
            return Optional.empty();
        }
        catch (UnknownHostException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Resolves {@code host} once and answers its addresses if every one may be called: the ones to
     * connect to, so that what was checked is what is connected to.
     *
     * @throws TargetRefused when one of them is internal
     * @throws UnknownHostException when it does not resolve
     */
    public InetAddress[] checkedAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        }
        catch (UnknownHostException e) {
            throw new UnknownHostException("%s is an internal address or does not resolve; webhooks may not target it".formatted(host));
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    // Not naming the address it resolves to: that would map the internal network for the caller.
                    throw new TargetRefused("%s is an internal address or does not resolve; webhooks may not target it".formatted(host));
                }
            }
        }
        return addresses;
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            // Unique local fc00::/7; NAT64 64:ff9b::/96 reaches the IPv4 address it embeds, so that one decides.
            return (bytes[0] & 0xfe) == 0xfc || (isNat64(bytes) && isInternal(embeddedIpv4(bytes)));
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        return (first == 100 && (second & 0xc0) == 64)              // carrier-grade NAT 100.64.0.0/10
                || (first == 192 && second == 0 && bytes[2] == 0)   // IETF protocol assignments 192.0.0.0/24
                || (first == 198 && (second & 0xfe) == 18)          // benchmarking 198.18.0.0/15
                || first >= 240;                                    // reserved 240.0.0.0/4 and broadcast
    }

    private static boolean isNat64(byte[] ipv6) {
        return Arrays.equals(ipv6, 0, 12, NAT64_PREFIX, 0, 12);
    }

    private static InetAddress embeddedIpv4(byte[] ipv6) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(ipv6, 12, 16));
        }
        catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
