package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * The local run and the cluster use the same gateway configuration file: its only copy is
 * deploy/k8s/base/gateway (inside the base, because kustomize reads no file above a kustomization;
 * see KustomizeTest and deploy/README.md). This test checks that the cluster renders the file as
 * the local run does: the same variables, all of them set, substituted the same way, mounted and
 * started where the settings say.
 */
class GatewayConfigurationTest {

    private static final Path GATEWAY = DeployTree.GATEWAY;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void theClusterGetsTheTemplateAndRendersItAsTheLocalRunDoes(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        String template = Files.readString(GATEWAY.resolve("nginx.conf.template"), StandardCharsets.UTF_8);
        assertEquals(template, r.configMap("gateway-template").getData().get("nginx.conf.template"), "the ConfigMap holds the template itself");
        for (String f : files(GATEWAY.resolve("docs"))) {
            assertEquals(Files.readString(GATEWAY.resolve("docs").resolve(f), StandardCharsets.UTF_8), r.configMap("gateway-docs").getData().get(f));
        }

        Deployment gateway = r.get(Deployment.class, "gateway");
        PodSpec pod = gateway.getSpec().getTemplate().getSpec();
        Container c = Rendered.container(gateway.getSpec().getTemplate(), "gateway");
        Map<String, String> env = r.environment(c);

        // every placeholder is set, the filter lets exactly them through (nginx's own $variables stay)
        Set<String> variables = new TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(m -> variables.add(m.group(1)));
        assertEquals(Set.of("GATEWAY_PORT", "BULLETIN_UPSTREAM", "TASK_UPSTREAM", "HONORS_UPSTREAM", "DISTRIBUTION_UPSTREAM", "GATEWAY_RATE",
                "GATEWAY_BURST", "GATEWAY_MAX_BODY", "GATEWAY_CORS_ORIGINS_REGEX", "GATEWAY_DOCS_ROOT", "GATEWAY_RUNTIME_DIR"), variables,
                "the template's variables (deploy/k8s/base/gateway/README.md)");
        Pattern filter = Pattern.compile(env.get("NGINX_ENVSUBST_FILTER"));
        for (String v : variables) {
            assertNotNull(env.get(v), overlay + ": the gateway's environment sets " + v);
            assertTrue(filter.matcher(v).find(), "NGINX_ENVSUBST_FILTER lets " + v + " through");
        }
        for (String name : env.keySet()) {
            assertTrue(variables.contains(name) || !filter.matcher(name).find(), "NGINX_ENVSUBST_FILTER lets only the template's variables through, not " + name);
        }
        // GNU envsubst (the image) replaces $NAME and ${NAME}; the local run (Nginx.render) only ${NAME}: the same result
        String cluster = gnuEnvsubst(template, env, variables);
        String local = PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(env.get(m.group(1))));
        assertEquals(local, cluster, "the cluster's envsubst renders the template as the local run does");
        assertFalse(PLACEHOLDER.matcher(cluster).find(), "nothing left to substitute");
        for (String v : variables) {
            assertFalse(env.get(v).contains("\""), v + " contains no double quote (the template's rule)");
        }

        // where the image's entrypoint reads and writes, and what nginx is started with
        String templateDir = env.get("NGINX_ENVSUBST_TEMPLATE_DIR");
        String outputDir = env.get("NGINX_ENVSUBST_OUTPUT_DIR");
        String runtimeDir = env.get("GATEWAY_RUNTIME_DIR");
        VolumeMount templateMount = mountAt(c, templateDir + "/nginx.conf.template");
        assertEquals("nginx.conf.template", templateMount.getSubPath());
        assertEquals(r.configMap("gateway-template").getMetadata().getName(), volume(pod, templateMount.getName()).getConfigMap().getName());
        assertEquals(List.of("nginx", "-p", runtimeDir, "-c", outputDir + "/nginx.conf", "-g", "daemon off;"), c.getArgs(),
                "nginx runs the rendered file; the first argument is nginx, so that the entrypoint renders first");
        assertTrue(c.getCommand().isEmpty(), "the image's entrypoint (with its envsubst step) stays");
        for (String writable : List.of(outputDir, runtimeDir)) {
            VolumeMount m = c.getVolumeMounts().stream().filter(vm -> (writable + "/").startsWith(vm.getMountPath() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(writable + " is on a volume (the root filesystem is read-only)"));
            assertNotNull(volume(pod, m.getName()).getEmptyDir(), writable + " is on an emptyDir");
        }
        VolumeMount docs = mountAt(c, env.get("GATEWAY_DOCS_ROOT"));
        assertEquals(r.configMap("gateway-docs").getMetadata().getName(), volume(pod, docs.getName()).getConfigMap().getName());

        // what the rendered file says: it listens on the container port, proxies to existing Services
        NginxConf rendered = NginxConf.parse(cluster);
        assertEquals(String.valueOf(c.getPorts().get(0).getContainerPort()), rendered.server().first("listen").orElseThrow().args().get(0));
        rendered.upstreams().forEach((upstream, address) -> {
            String[] hostPort = address.split(":");
            Service s = r.get(Service.class, hostPort[0]);
            assertTrue(s.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == Integer.parseInt(hostPort[1])), upstream + " -> " + address);
        });
        assertEquals(Boolean.FALSE, pod.getEnableServiceLinks(), "no GATEWAY_PORT=tcp://... from the Service named gateway");
    }

    /**
     * nginx is installed for the tests (./suite test does it), so the file the cluster renders passes
     * {@code nginx -t}: the overlays' values (the CORS regex, rate, sizes) are ones nginx takes. The
     * upstream host names resolve only in the cluster, so they point at loopback here; the runtime
     * directory is a temporary one.
     */
    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void theClusterRenderedConfigurationPassesNginxTest(String overlay, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String nginx = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/usr/bin/nginx")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        // the suite's tests install nginx (./suite test) and the end-to-end tests need it too
        org.junit.jupiter.api.Assertions.assertNotNull(nginx, "nginx is not installed: run the tests with ./suite test");
        Rendered r = Rendered.of(overlay);
        Map<String, String> env = new java.util.HashMap<>(r.environment(Rendered.container(r.get(Deployment.class, "gateway").getSpec().getTemplate(), "gateway")));
        for (String upstream : List.of("BULLETIN_UPSTREAM", "TASK_UPSTREAM", "HONORS_UPSTREAM", "DISTRIBUTION_UPSTREAM")) {
            env.put(upstream, env.get(upstream).replaceFirst("^[^:]+", "127.0.0.1"));
        }
        env.put("GATEWAY_RUNTIME_DIR", tmp.toString());
        String template = Files.readString(GATEWAY.resolve("nginx.conf.template"), StandardCharsets.UTF_8);
        Set<String> variables = new TreeSet<>();
        PLACEHOLDER.matcher(template).results().forEach(m -> variables.add(m.group(1)));
        Path conf = tmp.resolve("nginx.conf");
        Files.writeString(conf, gnuEnvsubst(template, env, variables), StandardCharsets.UTF_8);
        Path log = tmp.resolve("nginx-t.log");
        Process p = new ProcessBuilder(nginx, "-t", "-p", tmp.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), overlay + ": nginx -t on the cluster's rendering: " + output);
        assertTrue(output.contains("test is successful"), output);
    }

    // ---------------------------------------------------------------------------------------------

    /** GNU envsubst with a variable list: $NAME and ${NAME} of the listed names are replaced, all else stays. */
    static String gnuEnvsubst(String text, Map<String, String> env, Set<String> names) {
        Matcher m = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(names.contains(name) ? env.get(name) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static VolumeMount mountAt(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + path));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Set<String> files(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> out.add(dir.relativize(p).toString()));
        }
        return out;
    }
}
