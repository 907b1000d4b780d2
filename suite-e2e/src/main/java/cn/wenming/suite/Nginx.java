package cn.wenming.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway: Debian's nginx, run in the foreground with the configuration rendered from
 * {@code deploy/k8s/base/gateway/nginx.conf.template} ({@link Suite#GATEWAY_FOLDER}), the same file the cluster uses.
 */
final class Nginx {

    static final String MISSING = "nginx is not installed: ./suite installs it with apt-get when run as root; "
            + "otherwise run: sudo apt-get install -y nginx-light (or nginx)";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_]+)}");

    private Nginx() {
    }

    static Optional<String> find() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Renders the template as {@code envsubst} with a list of variables would: only the suite's
     * {@code ${NAME}} placeholders are replaced; nginx's own {@code $variables} are left alone.
     */
    static String render(String template, Map<String, String> settings) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = settings.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Process start(String nginx, Path gatewayDir, Path runtimeDir, Map<String, String> settings, Path log) {
        try {
            Files.createDirectories(runtimeDir.resolve("logs"));
            Map<String, String> all = new java.util.LinkedHashMap<>(settings);
            // the settings may serve another docs folder (the benchmark adds a static file to a copy)
            all.putIfAbsent("GATEWAY_DOCS_ROOT", gatewayDir.resolve("docs").toAbsolutePath().toString());
            all.put("GATEWAY_RUNTIME_DIR", runtimeDir.toAbsolutePath().toString());
            String rendered = render(Files.readString(gatewayDir.resolve("nginx.conf.template"), StandardCharsets.UTF_8), all);
            Path conf = runtimeDir.resolve("nginx.conf");
            Files.writeString(conf, rendered, StandardCharsets.UTF_8);
            // Started by root, nginx would run its workers as nobody, who cannot enter a checkout
            // under a private folder (a CI clone in mktemp's 0700 directory): the workers stay the
            // user who started the suite. In the cluster the image's own user applies.
            String globals = "daemon off;" + ("root".equals(System.getProperty("user.name")) ? " user root;" : "");
            ProcessBuilder pb = new ProcessBuilder(nginx, "-p", runtimeDir.toAbsolutePath().toString(),
                    "-c", conf.toAbsolutePath().toString(), "-g", globals)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not start: " + e.getMessage(), e);
        }
    }
}
