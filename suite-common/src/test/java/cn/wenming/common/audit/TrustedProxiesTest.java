package cn.wenming.common.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.InetSocketAddressConverter;

/**
 * The default trusted proxies are addresses or ranges Quarkus takes as such: a part it reads as a host
 * name costs a DNS lookup on every request (a bare {@code ::1} reads as host ":" port 1).
 */
class TrustedProxiesTest {

    @Test
    void theDefaultTrustedProxiesAreAddressesOrRangesNeverNames() throws IOException {
        Properties config = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            config.load(in);
        }
        Matcher m = Pattern.compile("^\\$\\{SUITE_TRUSTED_PROXIES:(.+)}$").matcher(config.getProperty("quarkus.http.proxy.trusted-proxies"));
        assertTrue(m.matches(), "the default is given with SUITE_TRUSTED_PROXIES");
        for (String part : m.group(1).split(",")) {
            if (part.matches(".+/\\d+")) {
                continue; // a range (CIDR): matched as such
            }
            InetSocketAddress address = new InetSocketAddressConverter().convert(part);
            assertFalse(address.isUnresolved(), part + " is read as a host name to look up on every request");
        }
    }
}
