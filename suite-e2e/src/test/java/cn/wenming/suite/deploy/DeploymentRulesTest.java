package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The rules of issue 9, checked on both rendered overlays: every container has probes,
 * resources and a non-root, read-only security context; no Secret carries a value; every
 * Deployment has an HPA and a PDB; graceful shutdown adds up; dev is one replica on an in-cluster
 * PostgreSQL, prod at least two on an external one with stricter resources; images are the ones
 * the Dockerfiles build.
 */
class DeploymentRulesTest {

    private static final String[] PROBES = { "startup", "readiness", "liveness" };

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyContainerHasProbesResourcesAndARestrictedReadOnlySecurityContext(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<String> problems = new ArrayList<>();
        r.workloads().forEach((name, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            check(problems, name, "automountServiceAccountToken: false", Boolean.FALSE.equals(pod.getAutomountServiceAccountToken()));
            check(problems, name, "enableServiceLinks: false", Boolean.FALSE.equals(pod.getEnableServiceLinks()));
            check(problems, name, "no host network, PID or IPC", !Boolean.TRUE.equals(pod.getHostNetwork())
                    && !Boolean.TRUE.equals(pod.getHostPID()) && !Boolean.TRUE.equals(pod.getHostIPC()));
            assertTrue(pod.getInitContainers().isEmpty(), name + ": no init containers (the rules below would need them too)");
            for (Container c : pod.getContainers()) {
                String where = name + "/" + c.getName();
                for (String kind : PROBES) {
                    check(problems, where, kind + "Probe", probe(c, kind) != null);
                }
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = c.getResources() == null ? null : c.getResources().getRequests().get(resource);
                    Quantity limit = c.getResources() == null ? null : c.getResources().getLimits().get(resource);
                    check(problems, where, resource + " request and limit", request != null && limit != null);
                    if (request != null && limit != null) {
                        check(problems, where, resource + " request <= limit", request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0);
                    }
                }
                SecurityContext sc = c.getSecurityContext();
                check(problems, where, "a securityContext", sc != null);
                if (sc == null) {
                    continue;
                }
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : psc == null ? null : psc.getRunAsNonRoot();
                Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : psc == null || psc.getSeccompProfile() == null ? null : psc.getSeccompProfile().getType();
                check(problems, where, "runAsNonRoot: true", Boolean.TRUE.equals(nonRoot));
                check(problems, where, "a numeric non-root runAsUser", user != null && user > 0);
                check(problems, where, "readOnlyRootFilesystem: true", Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()));
                check(problems, where, "allowPrivilegeEscalation: false", Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()));
                check(problems, where, "not privileged", !Boolean.TRUE.equals(sc.getPrivileged()));
                check(problems, where, "capabilities drop ALL", sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL")
                        && sc.getCapabilities().getAdd().isEmpty());
                check(problems, where, "seccompProfile RuntimeDefault", "RuntimeDefault".equals(seccomp));
                // read-only root: the one writable place is an emptyDir on /tmp; ConfigMaps and Secrets are mounted read-only
                VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst().orElse(null);
                check(problems, where, "an emptyDir on /tmp", tmp != null && volume(pod, tmp.getName()) != null
                        && volume(pod, tmp.getName()).getEmptyDir() != null);
                for (VolumeMount m : c.getVolumeMounts()) {
                    Volume v = volume(pod, m.getName());
                    // (a mount without a pod volume is a StatefulSet's volumeClaimTemplate: PostgreSQL's data)
                    if (v != null && (v.getConfigMap() != null || v.getSecret() != null)) {
                        check(problems, where, m.getMountPath() + " mounted readOnly", Boolean.TRUE.equals(m.getReadOnly()));
                    }
                }
            }
        });
        assertTrue(problems.isEmpty(), overlay + ":\n  " + String.join("\n  ", problems));
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void servicesProbeQuarkusHealthAndTheGatewayItsOwn(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (String service : DeployTree.SERVICES) {
            Container c = Rendered.container(r.get(Deployment.class, service).getSpec().getTemplate(), service);
            assertEquals("8080", r.environment(c).get("QUARKUS_HTTP_PORT"), service + " listens on 8080");
            ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
            assertEquals(8080, http.getContainerPort());
            Map<String, String> paths = Map.of("startup", "/q/health/started", "readiness", "/q/health/ready", "liveness", "/q/health/live");
            paths.forEach((kind, path) -> {
                Probe p = probe(c, kind);
                assertNotNull(p.getHttpGet(), service + " " + kind + " is an HTTP GET");
                assertEquals(path, p.getHttpGet().getPath(), service + " " + kind);
                assertEquals("http", p.getHttpGet().getPort().getStrVal(), service + " " + kind + " on the http port");
            });
        }
        Container gateway = Rendered.container(r.get(Deployment.class, "gateway").getSpec().getTemplate(), "gateway");
        for (String kind : PROBES) {
            assertEquals("/healthz", probe(gateway, kind).getHttpGet().getPath(), "the gateway's " + kind + " probe");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void shutdownIsGracefulAndItsTimesAddUp(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        Properties common = new Properties();
        try (var in = Files.newBufferedReader(DeployTree.ROOT.resolve("suite-common/src/main/resources/META-INF/microprofile-config.properties"), StandardCharsets.UTF_8)) {
            common.load(in);
        }
        long timeout = seconds(common.getProperty("quarkus.shutdown.timeout", "0s"));
        for (String service : DeployTree.SERVICES) {
            PodTemplateSpec t = r.get(Deployment.class, service).getSpec().getTemplate();
            Container c = Rendered.container(t, service);
            long delay = seconds(r.environment(c).getOrDefault("QUARKUS_SHUTDOWN_DELAY", "0s"));
            long preStop = preStopSleep(c);
            assertTrue(delay > 0, service + ": a Quarkus shutdown delay (readiness DOWN before the pod stops taking traffic)");
            assertTrue(preStop > 0, service + ": a preStop sleep");
            assertTrue(t.getSpec().getTerminationGracePeriodSeconds() >= preStop + delay + timeout + 5,
                    service + ": terminationGracePeriodSeconds " + t.getSpec().getTerminationGracePeriodSeconds() + " covers preStop " + preStop
                            + " s + delay " + delay + " s + shutdown timeout " + timeout + " s + 5 s");
            assertEquals(0, r.get(Deployment.class, service).getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal(),
                    service + ": a rollout starts a new pod before it stops an old one");
        }
        PodTemplateSpec gw = r.get(Deployment.class, "gateway").getSpec().getTemplate();
        Matcher readTimeout = Pattern.compile("proxy_read_timeout\\s+(\\d+)s;").matcher(Files.readString(DeployTree.GATEWAY.resolve("nginx.conf.template")));
        assertTrue(readTimeout.find());
        assertTrue(gw.getSpec().getTerminationGracePeriodSeconds() >= preStopSleep(Rendered.container(gw, "gateway")) + Long.parseLong(readTimeout.group(1)),
                "the gateway lets a proxied request run to proxy_read_timeout before it is killed");
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void noSecretCarriesAValueAndCredentialsComeFromSecrets(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        for (Secret s : r.all(Secret.class)) {
            assertTrue(s.getData().isEmpty() && s.getStringData().isEmpty(), overlay + ": Secret " + s.getMetadata().getName() + " carries values");
        }
        Pattern secretish = Pattern.compile(".*(PASSWORD|SECRET|SECRETS_KEY|SECRETS_KEYS|PRIVATE_KEY|TOKEN|USERNAME|JDBC_URL)$");
        Set<String> referenced = new TreeSet<>();
        r.workloads().forEach((name, t) -> {
            for (Container c : t.getSpec().getContainers()) {
                for (EnvVar e : c.getEnv()) {
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        referenced.add(e.getValueFrom().getSecretKeyRef().getName());
                    } else {
                        assertFalse(secretish.matcher(e.getName()).matches(), name + ": " + e.getName() + " has a literal value; it belongs in a Secret");
                    }
                }
            }
            for (Volume v : t.getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    referenced.add(v.getSecret().getSecretName());
                }
            }
        });
        for (ConfigMap cm : r.all(ConfigMap.class)) {
            for (String key : cm.getData().keySet()) {
                assertFalse(secretish.matcher(key).matches(), "ConfigMap " + cm.getMetadata().getName() + " holds " + key + ", which belongs in a Secret");
            }
        }
        for (Ingress i : r.all(Ingress.class)) {
            i.getSpec().getTls().forEach(tls -> referenced.add(tls.getSecretName()));
        }
        for (String service : DeployTree.SERVICES) {
            Map<String, String> env = r.environment(Rendered.container(r.get(Deployment.class, service).getSpec().getTemplate(), service));
            assertEquals("secret:" + service + "-db/jdbc-url", env.get("QUARKUS_DATASOURCE_JDBC_URL"), service);
            assertEquals("secret:" + service + "-db/username", env.get("QUARKUS_DATASOURCE_USERNAME"), service);
            assertEquals("secret:" + service + "-db/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), service);
            assertEquals("/etc/wenming/jwt/jwks.json", env.get("SUITE_SECURITY_JWKS_LOCATION"), service);
            if (service.equals("bulletin-service") || service.equals("distribution-service")) {
                assertEquals("secret:" + service + "-token/token", env.get("SUITE_SERVICE_TOKEN"), service + " calls another service with its own token");
            }
        }
        // every Secret the manifests name is explained in deploy/README.md, with how to create it
        String readme = Files.readString(DeployTree.ROOT.resolve("deploy/README.md"), StandardCharsets.UTF_8);
        for (String secret : referenced) {
            assertTrue(readme.contains("`" + secret + "`"), "deploy/README.md explains the Secret " + secret);
        }
        System.out.println(overlay + ": Secrets named (values never in the tree): " + referenced);
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void distributionServiceGetsTheKeysOfItsWebhookSecretsFromASecretThatDevMakesAndTheReadmeExplains(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        Map<String, String> env = r.environment(Rendered.container(r.get(Deployment.class, "distribution-service").getSpec().getTemplate(),
                "distribution-service"));
        // the service refuses to start without DISTRIBUTION_WEBHOOK_SECRETS_KEYS (distribution-service/README.md)
        assertEquals("secret:distribution-delivery/webhook-secrets-keys", env.get("DISTRIBUTION_WEBHOOK_SECRETS_KEYS"));
        assertEquals("secret:distribution-delivery/webhook-secrets-current-key", env.get("DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY"));
        assertFalse(env.containsKey("DISTRIBUTION_WEBHOOK_SECRETS_KEY"), "the name no code read is gone");
        String script = Files.readString(DeployTree.K8S.resolve("overlays/dev/dev-secrets.sh"), StandardCharsets.UTF_8);
        assertTrue(script.contains("webhook-secrets-keys=") && script.contains("webhook-secrets-current-key="),
                "dev-secrets.sh makes both keys of distribution-delivery");
        String readme = Files.readString(DeployTree.ROOT.resolve("deploy/README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("`webhook-secrets-keys`") && readme.contains("`webhook-secrets-current-key`"),
                "deploy/README.md names both keys");
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyDeploymentHasAnAutoscalerAndADisruptionBudget(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<Deployment> deployments = r.all(Deployment.class);
        assertEquals(new TreeSet<>(List.of("bulletin-service", "task-service", "honors-service", "distribution-service", "gateway")),
                new TreeSet<>(deployments.stream().map(d -> d.getMetadata().getName()).toList()));
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            List<HorizontalPodAutoscaler> hpas = r.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind()) && name.equals(h.getSpec().getScaleTargetRef().getName()))
                    .toList();
            assertEquals(1, hpas.size(), overlay + ": one HPA scales " + name);
            HorizontalPodAutoscaler hpa = hpas.get(0);
            assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
            assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), name + " min <= max");
            assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null && "cpu".equals(m.getResource().getName())),
                    name + " scales on CPU (the requests are what it is measured against)");
            assertEquals(hpa.getSpec().getMinReplicas(), d.getSpec().getReplicas(), name + ": the Deployment starts at the HPA's minimum");

            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> pdbs = r.all(PodDisruptionBudget.class).stream()
                    .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())).toList();
            assertEquals(1, pdbs.size(), overlay + ": one PDB covers " + name);
            PodDisruptionBudget pdb = pdbs.get(0);
            assertTrue(pdb.getSpec().getSelector().getMatchExpressions().isEmpty());
            for (Deployment other : deployments) {
                if (other != d) {
                    assertFalse(other.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), "the PDB of " + name + " covers only its pods");
                }
            }
            // a budget that never allows an eviction blocks every node drain
            assertTrue(pdb.getSpec().getMaxUnavailable() != null ? pdb.getSpec().getMaxUnavailable().getIntVal() >= 1
                    : pdb.getSpec().getMinAvailable().getIntVal() < hpa.getSpec().getMinReplicas(), name + ": the PDB allows a drain");
            if ("dev".equals(overlay)) {
                assertEquals(1, d.getSpec().getReplicas(), "dev: one replica of " + name);
                assertEquals(1, hpa.getSpec().getMaxReplicas(), "dev: the HPA of " + name + " stays at one");
            } else {
                assertTrue(d.getSpec().getReplicas() >= 2 && hpa.getSpec().getMinReplicas() >= 2, "prod: at least two replicas of " + name);
                assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), "prod: " + name + " can scale out");
            }
        }
    }

    @Test
    void prodIsStricterThanDevAndTheHeapIsTheLocalRunsOne() {
        Rendered dev = Rendered.of("dev");
        Rendered prod = Rendered.of("prod");
        for (Deployment d : prod.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Container p = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            Container v = dev.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(0, amount(p.getResources().getRequests().get("memory")).compareTo(amount(p.getResources().getLimits().get("memory"))),
                    "prod: " + name + " requests all the memory it may use");
            for (String resource : List.of("cpu", "memory")) {
                assertTrue(amount(p.getResources().getRequests().get(resource)).compareTo(amount(v.getResources().getRequests().get(resource))) > 0,
                        "prod requests more " + resource + " for " + name + " than dev");
            }
        }
        for (Rendered r : List.of(dev, prod)) {
            for (String service : DeployTree.SERVICES) {
                Container c = Rendered.container(r.get(Deployment.class, service).getSpec().getTemplate(), service);
                BigDecimal heap = amount(c.getResources().getLimits().get("memory"))
                        .multiply(new BigDecimal(r.environment(c).get("JAVA_MAX_MEM_RATIO"))).divide(BigDecimal.valueOf(100));
                assertEquals(0, heap.compareTo(BigDecimal.valueOf(384L * 1024 * 1024)), r.overlay + ": " + service
                        + " gets the 384 MiB heap the local run measures with (-Xmx384m)");
            }
        }
    }

    @Test
    void devRunsOnePostgresqlAndProdAnExternalOne() {
        Rendered dev = Rendered.of("dev");
        StatefulSet pg = dev.get(StatefulSet.class, "postgres");
        assertEquals(1, pg.getSpec().getReplicas());
        assertEquals(1, dev.all(StatefulSet.class).size(), "dev: one PostgreSQL for all four databases");
        assertEquals("postgres", pg.getSpec().getServiceName());
        assertNotNull(dev.get(Service.class, "postgres"));
        assertEquals(1, pg.getSpec().getVolumeClaimTemplates().size(), "dev: the database is on a volume");
        Map<String, String> env = dev.environment(Rendered.container(pg.getSpec().getTemplate(), "postgres"));
        for (String service : DeployTree.SERVICES) {
            String db = service.substring(0, service.indexOf('-')).toUpperCase();
            assertEquals("secret:" + service + "-db/password", env.get(db + "_DB_PASSWORD"), "the dev PostgreSQL creates " + service + "'s user");
        }
        Rendered prod = Rendered.of("prod");
        assertTrue(prod.all(StatefulSet.class).isEmpty(), "prod: no PostgreSQL in the cluster");
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyDeploymentHasAServiceOnItsNamedPortAndTheIngressGoesToTheGateway(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            Service s = r.get(Service.class, name);
            assertTrue(d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(s.getSpec().getSelector().entrySet()),
                    "the Service " + name + " selects its pods");
            assertEquals(d.getSpec().getSelector().getMatchLabels(), s.getSpec().getSelector(), name + ": Service and Deployment select alike");
            for (ServicePort p : s.getSpec().getPorts()) {
                assertTrue(d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().stream()
                        .anyMatch(cp -> cp.getName().equals(p.getTargetPort().getStrVal())), name + ": targetPort " + p.getTargetPort() + " is a container port");
            }
        }
        List<Ingress> ingresses = r.all(Ingress.class);
        assertEquals(1, ingresses.size(), "one entry point");
        Ingress ingress = ingresses.get(0);
        for (IngressRule rule : ingress.getSpec().getRules()) {
            assertNotNull(rule.getHost(), "the ingress names its host");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                IngressBackend b = path.getBackend();
                assertEquals("gateway", b.getService().getName(), "everything goes through the gateway");
                assertEquals("http", b.getService().getPort().getName());
                assertEquals("/", path.getPath());
            }
        }
        String maxBody = r.configMap("gateway-settings").getData().get("GATEWAY_MAX_BODY");
        String ingressBody = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
        assertTrue(megabytes(ingressBody) > megabytes(maxBody), "the ingress lets a body through that the gateway answers with its own 413 problem");
        if ("prod".equals(overlay)) {
            assertFalse(ingress.getSpec().getTls().isEmpty(), "prod: TLS at the ingress");
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void imagesAreTheOnesTheDockerfilesBuildWithAPinnedTag(String overlay) throws IOException {
        Rendered r = Rendered.of(overlay);
        for (String service : DeployTree.SERVICES) {
            PodTemplateSpec t = r.get(Deployment.class, service).getSpec().getTemplate();
            Container c = Rendered.container(t, service);
            String[] image = Kustomize.splitImage(c.getImage());
            assertTrue(image[0].equals("wenming/" + service) || image[0].endsWith("/wenming/" + service), c.getImage() + " is REGISTRY/wenming/" + service);
            assertFalse(image[1].isEmpty() || image[1].equals("latest"), overlay + ": " + c.getImage() + " has a pinned tag");
            Path dockerfile = DeployTree.ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " builds the image");
            String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
            Matcher user = Pattern.compile("(?m)^USER (\\d+)$").matcher(text);
            assertTrue(user.find(), dockerfile + " runs as a numeric user");
            assertEquals(Long.parseLong(user.group(1)), t.getSpec().getSecurityContext().getRunAsUser(), service + ": the image's user is the pod's");
            assertTrue(text.contains("EXPOSE " + c.getPorts().get(0).getContainerPort()), dockerfile + " exposes the container port");
            for (String layer : List.of("COPY --chown=185 lib/ /deployments/lib/", "COPY --chown=185 *.jar /deployments/",
                    "COPY --chown=185 app/ /deployments/app/", "COPY --chown=185 quarkus/ /deployments/quarkus/")) {
                assertTrue(text.contains(layer), dockerfile + " copies the packaged application: " + layer);
            }
        }
        r.workloads().forEach((name, t) -> t.getSpec().getContainers().forEach(c -> {
            String tag = Kustomize.splitImage(c.getImage())[1];
            assertFalse(tag.isEmpty() || tag.equals("latest"), overlay + ": " + c.getImage() + " has a pinned tag");
        }));
    }

    // ---------------------------------------------------------------------------------------------

    private static Probe probe(Container c, String kind) {
        return switch (kind) {
            case "startup" -> c.getStartupProbe();
            case "readiness" -> c.getReadinessProbe();
            default -> c.getLivenessProbe();
        };
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElse(null);
    }

    private static long preStopSleep(Container c) {
        if (c.getLifecycle() == null || c.getLifecycle().getPreStop() == null || c.getLifecycle().getPreStop().getExec() == null) {
            return 0;
        }
        List<String> command = c.getLifecycle().getPreStop().getExec().getCommand();
        return command.size() == 2 && command.get(0).equals("sleep") ? Long.parseLong(command.get(1)) : 0;
    }

    static long seconds(String duration) {
        Matcher m = Pattern.compile("(\\d+)(ms|s|m)").matcher(duration.trim());
        assertTrue(m.matches(), "a duration: " + duration);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> (n + 999) / 1000;
            case "m" -> n * 60;
            default -> n;
        };
    }

    private static BigDecimal amount(Quantity q) {
        return q.getNumericalAmount();
    }

    private static double megabytes(String nginxSize) {
        Matcher m = Pattern.compile("(\\d+)([kKmM]?)").matcher(nginxSize);
        assertTrue(m.matches(), "an nginx size: " + nginxSize);
        double n = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "k" -> n / 1024;
            case "m" -> n;
            default -> n / 1024 / 1024;
        };
    }

    private static void check(List<String> problems, String where, String rule, boolean ok) {
        if (!ok) {
            problems.add(where + ": " + rule);
        }
    }
}
