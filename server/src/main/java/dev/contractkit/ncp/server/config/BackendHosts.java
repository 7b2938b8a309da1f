package dev.contractkit.ncp.server.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an API-made workspace's gateway may forward ({@code ncp.mock.gateway-backend-hosts}): a stage backend's
 * host must be listed, by its exact name, by a wildcard ({@code *.example.com}, any name below it), by its
 * address, or by a CIDR range. An address that is not public (loopback, link-local, private, unique local,
 * carrier-grade NAT, unspecified, multicast) is let through only when listed as an address or range, or when
 * the host was listed by its exact name: a wildcard never opens the mock's own network. The check is made on
 * the name when a seed is accepted ({@link #checkName}), and on the address the name resolves to when a call
 * is forwarded ({@link #checkAddress}), so a name that later resolves inward is still refused.
 */
public final class BackendHosts {
    public static final String SETTING = "ncp.mock.gateway-backend-hosts (NCP_MOCK_GATEWAY_BACKEND_HOSTS)";

    private final List<String> names = new ArrayList<>();
    private final List<String> wildcards = new ArrayList<>();
    private final List<Range> ranges = new ArrayList<>();

    private BackendHosts(String list) {
        for (String raw : list.split(",")) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith("*.") && entry.length() > 2) {
                wildcards.add(entry.substring(1));
            } else if (entry.contains("/") || isLiteral(entry)) {
                ranges.add(Range.parse(entry));
            } else if (entry.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                names.add(entry);
            } else {
                throw new IllegalArgumentException(SETTING + ": '" + raw.trim() + "' is not a host name, *.domain, address or CIDR range");
            }
        }
    }

    /** The setting parsed; a wrong entry stops start-up with a message naming it. */
    public static BackendHosts of(Optional<String> setting) {
        return new BackendHosts(setting.orElse(""));
    }

    /** Whether nothing is listed (no API-made workspace may name a backend). */
    public boolean none() {
        return names.isEmpty() && wildcards.isEmpty() && ranges.isEmpty();
    }

    /** Refuses (naming the setting) a backend URL whose host is not on the list. */
    public void checkName(String url) {
        String host = hostOf(url);
        if (!listedName(host) && !matchesWildcard(host) && !(isLiteral(host) && inRanges(literal(host)))) {
            throw new IllegalArgumentException("the backend host " + host + " is not on " + SETTING
                    + "; a workspace made through the API may forward only to hosts the mock's operator lists there");
        }
    }

    /** Refuses (naming the setting) an address the host resolved to that the list does not open. */
    public void checkAddress(String url, InetAddress address) {
        String host = hostOf(url);
        if (inRanges(address)) {
            return;
        }
        boolean inward = !isPublic(address);
        boolean allowed = inward ? listedName(host) : listedName(host) || matchesWildcard(host);
        if (!allowed) {
            throw new IllegalArgumentException("the backend host " + host + " resolves to " + address.getHostAddress()
                    + (inward ? ", an address of the mock's own network," : ",") + " which " + SETTING + " does not list");
        }
    }

    /** The host of a backend URL, lower case, without IPv6 brackets. */
    public static String hostOf(String url) {
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the backend URL " + url + " has no host");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether an address is reachable on the public internet (not the mock's own machine or network). */
    public static boolean isPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
            if ((bytes[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7, unique local
            }
        }
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        if (address instanceof Inet4Address) {
            byte[] bytes = address.getAddress();
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && first < 240;
        }
        return true;
    }

    private boolean listedName(String host) {
        return names.contains(host);
    }

    private boolean matchesWildcard(String host) {
        return wildcards.stream().anyMatch(host::endsWith);
    }

    private boolean inRanges(InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an address");
        }
    }

    /** An address, or a CIDR range of them. */
    private record Range(byte[] network, int prefix) {
        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            int bits = address.getAddress().length * 8;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SETTING + ": '" + entry + "' has no valid prefix length");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(SETTING + ": '" + entry + "' has no valid prefix length");
            }
            return new Range(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
