package cn.wenming.distribution.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        if (!uri.isAbsolute() || host == null || host.isBlank()) {
            return refused("必须是带主机名的绝对网址 (must be an absolute URL with a host)");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("网址中不得包含用户名或密码 (must not carry credentials)");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
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

    /** False for loopback, link-local, private, shared (CGNAT), unspecified, multicast and unique-local addresses. */
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
            if (isEmbeddedIpv4(b)) { // ::ffff:a.b.c.d and ::a.b.c.d name an IPv4 address
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isEmbeddedIpv4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff);
    }
}
