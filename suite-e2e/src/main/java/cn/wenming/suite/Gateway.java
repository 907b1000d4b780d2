package cn.wenming.suite;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The suite's gateway: nginx rendered from {@link Suite#GATEWAY_FOLDER} with the local run's
 * settings, in front of the services on their ports.
 */
final class Gateway implements AutoCloseable {

    /**
     * The gateway's request rate per client address (GATEWAY_RATE, requests a second) and burst
     * (GATEWAY_BURST) in every suite started here: the production defaults of the gateway's README.
     * The probe keeps them (its limits probe checks that a burst beyond them is a 429) and paces its
     * calls through the gateway below the rate instead (probe's {@code Pace}).
     */
    static final int RATE = 100;
    static final int BURST = 200;

    private final Suite.Config config;
    private final Process nginx;

    private Gateway(Suite.Config config, Process nginx) {
        this.config = config;
        this.nginx = nginx;
    }

    /** Renders the template for these service ports and starts nginx; {@link #awaitReady} waits for it. */
    static Gateway start(String nginxBinary, Suite.Config config, Map<String, Integer> servicePorts) {
        Process nginx = Nginx.start(nginxBinary, config.projectRoot().resolve(Suite.GATEWAY_FOLDER), config.workDir().resolve("gateway"),
                settings(config, servicePorts), config.workDir().resolve("logs/gateway.log"));
        return new Gateway(config, nginx);
    }

    private static Map<String, String> settings(Suite.Config config, Map<String, Integer> servicePorts) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("GATEWAY_PORT", Integer.toString(config.gatewayPort()));
        for (String service : Suite.SERVICES) {
            s.put(Database.name(service).toUpperCase() + "_UPSTREAM", "127.0.0.1:" + servicePorts.get(service));
        }
        s.put("GATEWAY_RATE", RATE + "r/s");
        s.put("GATEWAY_BURST", Integer.toString(BURST));
        s.put("GATEWAY_MAX_BODY", "2m");
        s.put("GATEWAY_CORS_ORIGINS_REGEX", "^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$");
        s.putAll(config.gatewaySettings());
        return s;
    }

    String url() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    void awaitReady(Instant deadline) {
        Processes.awaitOk("gateway", nginx, url() + "/healthz", deadline, config.workDir().resolve("logs/gateway.log"));
    }

    ProcessHandle process() {
        return nginx.toHandle();
    }

    @Override
    public void close() {
        Processes.stop(nginx, 15);
    }
}
