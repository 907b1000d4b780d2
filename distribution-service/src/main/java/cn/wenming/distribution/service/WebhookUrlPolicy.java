package cn.wenming.distribution.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.distribution.config.DistributionConfig;

/**
 * Which webhook addresses the service may call (no SSRF): https to a host whose every address is
 * public; plain http, or loopback, link-local and private addresses, only for hosts an admin
 * allowed in {@code distribution.webhook.allowed-hosts}. Checked when an organization is saved and
 * again before every call, since a name may resolve differently later.
 */
@ApplicationScoped
public class WebhookUrlPolicy {

    /** Resolves a host to all its addresses (the system resolver in production). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    @Inject
    DistributionConfig config;

    /** Throws a 400 naming {@code field} when the URL may not be called. */
    public URI check(String url, String field) {
        String reason = refusal(url, allowedHosts(), InetAddress::getAllByName).orElse(null);
        if (reason != null) {
            throw ProblemException.invalid(field, reason);
        }
        return URI.create(url.strip());
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        return refusal(url, allowedHosts(), InetAddress::getAllByName);
    }

    /**
     * The decision for a call about to be made: refused with the reason, or allowed with the
     * address that was checked. The caller connects to that address (and names the host only for
     * TLS and the Host header), so a name that resolves elsewhere a moment later (DNS rebinding)
     * cannot redirect the call to a private address.
     */
    public Decision decide(String url) {
        return decide(url, allowedHosts(), InetAddress::getAllByName);
    }

    /** Refused (a reason), or allowed: the URL and the vetted address to connect to. */
    public record Decision(String refusal, URI uri, InetAddress address) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private Set<String> allowedHosts() {
        return config.webhook().allowedHosts().orElse(Set.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    /** The pure rule, for tests: why {@code url} may not be called given the allowed hosts. */
    public static Optional<String> refusal(String url, Set<String> allowedHosts, Resolver resolver) {
        return Optional.ofNullable(decide(url, allowedHosts, resolver).refusal());
    }

    static Decision decide(String url, Set<String> allowedHosts, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return refused("不是有效的网址 (not a valid URL)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        // java.net.URI leaves the host out of forms it does not take for an IPv4 address (127.1,
        // 0251.0376.0251.0376) while other parsers and resolvers read them as one: name the reason
        if (host == null && uri.isAbsolute() && numericIpv4Form(authorityHost(uri.getRawAuthority()))) {
            return refused(NON_CANONICAL_IPV4);
        }
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            return refused("必须是带主机名的绝对网址 (must be an absolute URL with a host)");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("网址中不得包含用户名或密码 (must not carry credentials)");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (numericIpv4Form(host) && !CANONICAL_IPV4.matcher(host).matches()) {
            // 2852039166, 0xa9fea9fe, 0xa9.0xfe.0xa9.0xfe, 0251.0376.0251.0376, 127.1: whatever it denotes
            return refused(NON_CANONICAL_IPV4);
        }
        boolean allowed = allowedHosts.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            return refused("必须使用 https；http 仅限管理员允许的主机 (must be https; http only to hosts an admin allowed)");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return refused("主机名无法解析 (the host does not resolve): " + host);
        }
        if (addresses == null || addresses.length == 0) {
            return refused("主机名无法解析 (the host does not resolve): " + host);
        }
        if (!allowed) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return refused("主机解析到本机、链路本地或内网地址 (the host resolves to a loopback, link-local or private address): "
                            + address.getHostAddress());
                }
            }
        }
        return new Decision(null, uri, addresses[0]);
    }

    private static Decision refused(String reason) {
        return new Decision(reason, null, null);
    }

    static final String NON_CANONICAL_IPV4 = "IPv4 地址只接受四段十进制写法 (an IPv4 address is accepted only as four decimal numbers, "
            + "a.b.c.d: decimal, octal, hexadecimal and shortened forms such as 2852039166, 0251.0376.0251.0376, 0xa9fea9fe or 127.1 are refused)";

    /** a.b.c.d, each 0-255 in decimal without leading zeros: the only IPv4 form accepted. */
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])");
    /** A label of a numeric host: decimal or octal digits, or a hex number with its prefix. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    /**
     * True for a host made only of numbers (decimal, octal, hex with its 0x prefix) and dots, i.e.
     * one that some parser or resolver reads as an IPv4 address. No registered name is all-numeric
     * (top-level domains are not), so refusing every such host but the canonical form loses nothing
     * and needs no guess at what an odd form denotes.
     */
    static boolean numericIpv4Form(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty()) {
            return false;
        }
        for (String label : h.split("\\.", -1)) {
            if (!NUMERIC_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The host part of a raw authority ({@code user@host:port}), for the forms URI leaves without a host. */
    private static String authorityHost(String authority) {
        if (authority == null) {
            return null;
        }
        String h = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /**
     * False for loopback, link-local, private, shared (CGNAT), unspecified, multicast and unique-local
     * addresses, and for IPv6 addresses that carry such an IPv4 address: IPv4-mapped
     * ({@code ::ffff:0:0/96}), IPv4-compatible ({@code ::/96}), IPv4-translated ({@code ::ffff:0:0:0/96}),
     * NAT64 ({@code 64:ff9b::/96}; the local-use {@code 64:ff9b:1::/48} is refused whole), 6to4
     * ({@code 2002::/16}) and Teredo ({@code 2001::/32}: server and client address). A gateway that
     * translates such an address would carry the call into the office's own network.
     */
    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 // this network
                    && !(first == 100 && second >= 64 && second <= 127) // shared address space (CGNAT)
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 224; // multicast and reserved
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            if (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && !zero(b, 4, 12)) {
                return false; // 64:ff9b:1::/48 (local-use NAT64, RFC 8215) and the unassigned rest of 64:ff9b::/32
            }
            for (byte[] ipv4 : embeddedIpv4(b)) {
                if (!isPublic(ipv4(ipv4))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The IPv4 addresses an IPv6 address carries by a standard transition form (RFC 4291, 2765, 6052, 3056, 4380); none for others. */
    static List<byte[]> embeddedIpv4(byte[] b) {
        if (zero(b, 0, 12) // IPv4-compatible ::a.b.c.d (::/96)
                || (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) // IPv4-mapped ::ffff:a.b.c.d
                || (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) // IPv4-translated ::ffff:0:a.b.c.d
                || (startsWith(b, 0x00, 0x64, 0xff, 0x9b) && zero(b, 4, 12))) { // NAT64 well-known prefix 64:ff9b::a.b.c.d
            return List.of(Arrays.copyOfRange(b, 12, 16));
        }
        if (startsWith(b, 0x20, 0x02)) { // 6to4 2002:AABB:CCDD::/48 carries a.b.c.d in bits 16-47
            return List.of(Arrays.copyOfRange(b, 2, 6));
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) { // Teredo 2001::/32: server in bits 32-63, client in the last 32 bits inverted
            byte[] client = Arrays.copyOfRange(b, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            return List.of(Arrays.copyOfRange(b, 4, 8), client);
        }
        return List.of();
    }

    private static InetAddress ipv4(byte[] four) {
        try {
            return InetAddress.getByAddress(four);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e); // four bytes are always an address
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
