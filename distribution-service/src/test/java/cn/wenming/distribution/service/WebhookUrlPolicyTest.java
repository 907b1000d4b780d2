package cn.wenming.distribution.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
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
            "localhost", new String[] { "127.0.0.1", "::1" },
            // a name whose AAAA record is the NAT64 form of the metadata address
            "nat64.example.cn", new String[] { "64:ff9b::a9fe:a9fe" },
            "six-to-four.example.cn", new String[] { "2002:0a00:0001::1" }));

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

    @Test
    void nat64SixToFourAndTeredoFormsOfPrivateAddressesAreRefused() {
        for (String url : new String[] {
                "https://[64:ff9b::a9fe:a9fe]/", // NAT64 of 169.254.169.254 (the example)
                "https://[64:ff9b::169.254.169.254]/",
                "https://[64:ff9b::7f00:1]/", // NAT64 of 127.0.0.1
                "https://[64:ff9b::a00:1]/", // NAT64 of 10.0.0.1
                "https://[64:ff9b:1::ca6a:14]/", // local-use NAT64 (RFC 8215): never global, whatever it embeds
                "https://[64:ff9b:1:2:3::a9fe:a9fe]/",
                "https://[2002:a9fe:a9fe::1]/", // 6to4 of 169.254.169.254
                "https://[2002:c0a8:0101::]/", // 6to4 of 192.168.1.1
                "https://[2002:7f00:1::1]/", // 6to4 of 127.0.0.1
                "https://[2001:0:a9fe:a9fe::3595:ffeb]/", // Teredo, server 169.254.169.254
                "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", // Teredo, client 10.0.0.1 (inverted in the last 32 bits)
                "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", // Teredo, client 127.0.0.1
        }) {
            assertTrue(refusal(url).isPresent(), url);
        }
    }

    @Test
    void ipv4MappedCompatibleAndTranslatedFormsOfPrivateAddressesAreRefused() {
        for (String url : new String[] {
                "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/", "https://[::ffff:10.0.0.1]/", // mapped
                "https://[::169.254.169.254]/", "https://[::a9fe:a9fe]/", "https://[::127.0.0.1]/", "https://[::10.0.0.1]/", // compatible
                "https://[::ffff:0:169.254.169.254]/", "https://[::ffff:0:a9fe:a9fe]/", "https://[::ffff:0:7f00:1]/", // translated
                "https://[::]/", "https://[::2]/" }) {
            assertTrue(refusal(url).isPresent(), url);
        }
    }

    @Test
    void transitionFormsOfPublicAddressesStayAllowed() {
        for (String url : new String[] { "https://[64:ff9b::ca6a:14]/", "https://[2002:ca6a:14::1]/",
                "https://[2001:0:4136:e378:8000:63bf:3595:ffeb]/", "https://[::ffff:202.106.0.20]/" }) {
            assertEquals(Optional.empty(), refusal(url), url);
        }
    }

    @Test
    void decimalOctalHexAndShortenedIpv4HostsAreRefusedWhateverTheyDenote() {
        for (String url : new String[] {
                "http://2852039166/", "https://2852039166/latest/meta-data", // 169.254.169.254 as one decimal number
                "https://0251.0376.0251.0376/", // octal
                "https://0xa9fea9fe/", "https://0xA9FEA9FE/", "https://0xa9.0xfe.0xa9.0xfe/", // hex
                "https://127.1/", "https://10.1/", "https://127.0.1/", "https://0/", // shortened
                "https://0177.0.0.1/", "https://010.0.0.1/", "https://127.000.000.001/", // leading zeros: octal to some parsers
                "https://0x7f.1/", "https://127.0.0.1./", "https://1.2.3.4.5/", "https://3389655060/", // 202.106.0.20, still not canonical
                "https://user@127.1:8443/" }) {
            Optional<String> reason = refusal(url, "127.0.0.1", "127.1", "2852039166", "0xa9fea9fe");
            assertTrue(reason.isPresent(), url);
            assertTrue(reason.orElseThrow().contains("IPv4"), url + ": " + reason.orElseThrow());
        }
    }

    @Test
    void onlyAllNumericHostsCountAsNumericForms() {
        assertTrue(WebhookUrlPolicy.numericIpv4Form("0xa9.0xfe.0xa9.0xfe"));
        assertTrue(WebhookUrlPolicy.numericIpv4Form("202.106.0.20"), "numeric, and canonical: accepted by the policy");
        assertFalse(WebhookUrlPolicy.numericIpv4Form("oa.wenming.gov.cn"));
        assertFalse(WebhookUrlPolicy.numericIpv4Form("1e100.net"));
        assertFalse(WebhookUrlPolicy.numericIpv4Form("cafe.be"));
        assertFalse(WebhookUrlPolicy.numericIpv4Form("123.example"));
        assertEquals(Optional.empty(), refusal("https://202.106.0.20/inbox"), "the canonical form of a public address is fine");
    }

    @Test
    void aNameThatResolvesToATransitionFormOfAPrivateAddressIsRefusedWhenTheCallIsMade() {
        // the check before each call resolves again and sees the AAAA record: nothing is called
        WebhookUrlPolicy.Decision nat64 = WebhookUrlPolicy.decide("https://nat64.example.cn/inbox", Set.of(), DNS);
        assertFalse(nat64.allowed());
        assertTrue(nat64.refusal().contains("64:ff9b"), nat64.refusal());
        assertFalse(WebhookUrlPolicy.decide("https://six-to-four.example.cn/inbox", Set.of(), DNS).allowed());
    }

    @Test
    void theEmbeddedAddressesAreReadWhereEachFormPutsThem() throws Exception {
        assertEquals(List.of("169.254.169.254"), embedded("64:ff9b::a9fe:a9fe"));
        assertEquals(List.of("10.0.0.1"), embedded("2002:0a00:0001::"));
        assertEquals(List.of("65.54.227.120", "10.0.0.1"), embedded("2001:0:4136:e378:8000:63bf:f5ff:fffe"), "server, then client");
        assertEquals(List.of("127.0.0.1"), embedded("::ffff:0:7f00:1"));
        assertEquals(List.of("169.254.169.254"), embedded("::a9fe:a9fe"));
        assertEquals(List.of(), embedded("2400:da00::6666"));
    }

    private static List<String> embedded(String ipv6) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (byte[] four : WebhookUrlPolicy.embeddedIpv4(java.net.Inet6Address.getByName(ipv6).getAddress())) {
            out.add(InetAddress.getByAddress(four).getHostAddress());
        }
        return out;
    }
}
