package org.decoop.notification.subscription;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Refuses webhook targets that resolve to loopback, private, link-local, wildcard or multicast
 * addresses (server-side request forgery), unless configuration allows them. Checked when a
 * subscription is created and again at every send, on the address the name resolves to then.
 */
public class TargetGuard {

    private final boolean allowPrivateTargets;

    public TargetGuard(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        String host = URI.create(url).getHost();
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isInternal(address)) {
                    return Optional.of("%s resolves to %s, an internal address; webhooks may not target it"
                            .formatted(host, address.getHostAddress()));
                }
            }
            return Optional.empty();
        }
        catch (UnknownHostException e) {
            return Optional.of("%s cannot be resolved".formatted(host));
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        // IPv6 unique local addresses (fc00::/7) and IPv4 carrier-grade NAT (100.64.0.0/10) are private too.
        return (bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc)
                || (bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64);
    }
}
