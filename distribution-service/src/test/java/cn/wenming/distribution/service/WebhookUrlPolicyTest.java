package cn.wenming.distribution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The SSRF rule on webhook URLs, with a resolver that answers what a test says. */
class WebhookUrlPolicyTest {

    /** A resolver over fixed names; literal addresses resolve to themselves. */
    private static WebhookUrlPolicy.Resolver dns(Map<String, String[]> names) {
        return host -> {
            String[] addresses = names.get(host);
            if (addresses == null) {
                if (host.matches("[0-9.]+") || host.contains(":")) {
                    return new InetAddress[] { InetAddress.getByName(host) };
                }
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                out[i] = InetAddress.getByName(addresses[i]);
            }
            return out;
        };
    }

    private static final WebhookUrlPolicy.Resolver DNS = dns(Map.of(
            "oa.wenming.gov.cn", new String[] { "202.106.0.20" },
            "split.example.cn", new String[] { "202.106.0.20", "10.1.2.3" },
            "metadata.example.cn", new String[] { "169.254.169.254" },
            "localhost", new String[] { "127.0.0.1", "::1" }));

    private static Optional<String> refusal(String url, String... allowed) {
        return WebhookUrlPolicy.refusal(url, Set.of(allowed), DNS);
    }

    @Test
    void httpsToAPublicHostIsAllowed() {
        assertEquals(Optional.empty(), refusal("https://oa.wenming.gov.cn/api/inbox"));
    }

    @Test
    void loopbackIsRefusedWithoutTheAllowanceWhateverTheScheme() {
        assertTrue(refusal("http://127.0.0.1:8080/inbox").isPresent(), "http to 127.0.0.1");
        assertTrue(refusal("https://127.0.0.1:8443/inbox").orElseThrow().contains("127.0.0.1"), "https to 127.0.0.1");
        assertTrue(refusal("https://localhost/inbox").isPresent(), "a name that resolves to loopback");
        assertTrue(refusal("https://[::1]/inbox").isPresent(), "IPv6 loopback");
        assertTrue(refusal("https://[::ffff:127.0.0.1]/inbox").isPresent(), "IPv4-mapped loopback");
    }

    @Test
    void loopbackIsAllowedWhenAnAdminAllowedTheHost() {
        assertEquals(Optional.empty(), refusal("http://127.0.0.1:8080/inbox", "127.0.0.1"));
        assertTrue(refusal("http://localhost:8080/inbox", "127.0.0.1").isPresent(), "the allowance is per host");
    }

    @Test
    void privateLinkLocalAndSharedRangesAreRefused() {
        for (String url : new String[] { "https://10.0.0.8/", "https://172.16.5.4/", "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data", "https://metadata.example.cn/", "https://100.64.0.1/",
                "https://0.0.0.0/", "https://[fd00::1]/", "https://[fe80::1]/" }) {
            assertTrue(refusal(url).isPresent(), url);
        }
    }

    @Test
    void everyAddressOfAHostIsChecked() {
        assertTrue(refusal("https://split.example.cn/inbox").orElseThrow().contains("10.1.2.3"));
    }

    @Test
    void plainHttpNeedsTheAllowance() {
        assertTrue(refusal("http://oa.wenming.gov.cn/inbox").isPresent());
        assertEquals(Optional.empty(), refusal("http://oa.wenming.gov.cn/inbox", "oa.wenming.gov.cn"));
    }

    @Test
    void otherSchemesCredentialsRelativeAndUnresolvableAreRefused() {
        assertTrue(refusal("ftp://oa.wenming.gov.cn/").isPresent());
        assertTrue(refusal("file:///etc/passwd").isPresent());
        assertTrue(refusal("https://user:pw@oa.wenming.gov.cn/").isPresent());
        assertTrue(refusal("/inbox").isPresent());
        assertTrue(refusal("https://nowhere.invalid/").isPresent());
        assertTrue(refusal("https://bad host/").isPresent());
    }

    @Test
    void publicAddressesAreTold() throws Exception {
        assertTrue(WebhookUrlPolicy.isPublic(InetAddress.getByName("202.106.0.20")));
        assertTrue(WebhookUrlPolicy.isPublic(InetAddress.getByName("2400:da00::6666")));
        assertFalse(WebhookUrlPolicy.isPublic(InetAddress.getByName("127.0.0.2")));
        assertFalse(WebhookUrlPolicy.isPublic(InetAddress.getByName("224.0.0.1")));
    }

    @Test
    void anAllowedCallCarriesTheAddressThatWasCheckedSoTheSenderNeverResolvesAgain() {
        WebhookUrlPolicy.Decision d = WebhookUrlPolicy.decide("https://oa.wenming.gov.cn/api/inbox", Set.of(), DNS);
        assertTrue(d.allowed());
        assertEquals("202.106.0.20", d.address().getHostAddress());
        assertEquals("oa.wenming.gov.cn", d.uri().getHost(), "the host still names the receiver for TLS and Host");
        // a name that answers a public address once and a private one next (DNS rebinding) is
        // called at the first: the sender connects to d.address(), it does not look the name up again
        int[] lookups = { 0 };
        WebhookUrlPolicy.Resolver rebinding = host -> {
            lookups[0]++;
            return new InetAddress[] { InetAddress.getByName(lookups[0] == 1 ? "202.106.0.20" : "10.0.0.1") };
        };
        WebhookUrlPolicy.Decision first = WebhookUrlPolicy.decide("https://rebind.example.cn/inbox", Set.of(), rebinding);
        assertEquals("202.106.0.20", first.address().getHostAddress());
        assertEquals(1, lookups[0], "one lookup per decision");
        assertTrue(!WebhookUrlPolicy.decide("https://rebind.example.cn/inbox", Set.of(), rebinding).allowed(),
                "the next decision sees the private address and refuses");
    }
}
