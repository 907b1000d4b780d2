package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The validation is not a rubber stamp: a copy of deploy/k8s with one deliberate mistake fails,
 * and the message names the mistake. The unchanged copy passes (so the failure is the mistake's).
 */
class BrokenCopyTest {

    @TempDir
    Path tmp;

    @Test
    void theUnchangedCopyIsValid() throws IOException {
        Path k8s = copy();
        for (String overlay : DeployTree.OVERLAYS) {
            assertDoesNotThrow(() -> StrictKubernetes.parseAll(Kustomize.build(k8s.resolve("overlays").resolve(overlay))));
        }
    }

    @ParameterizedTest(name = "{1} -> {2} in {0} fails ({3})")
    @CsvSource(delimiter = '|', value = {
        // file                                   | from                             | to                              | overlay | the message names
        "base/bulletin-service.yaml               | readinessProbe:                  | readinesProbe:                  | dev     | readinesProbe",
        "base/gateway.yaml                        | terminationGracePeriodSeconds:   | terminationGracePeriodSecond:   | prod    | terminationGracePeriodSecond",
        "base/task-service.yaml                   | readOnlyRootFilesystem:          | readOnlyRootFileSystem:         | prod    | readOnlyRootFileSystem",
        "base/network-policies.yaml               | policyTypes:                     | policyType:                     | dev     | policyType",
        "overlays/prod/patches/ingress.yaml       | pathType:                        | pathtype:                       | prod    | pathtype",
        "base/honors-service.yaml                 | '  labels:\n    app.kubernetes.io/name: honors-service\n    app.kubernetes.io/component: service\nspec:\n  selector:' | '  lables:\n    app.kubernetes.io/name: honors-service\n    app.kubernetes.io/component: service\nspec:\n  selector:' | prod | lables",
        "overlays/prod/patches/autoscaling.yaml   | minReplicas:                     | minReplica:                     | prod    | minReplica",
        "overlays/dev/postgres.yaml               | volumeClaimTemplates:            | volumeClaimTemplate:            | dev     | volumeClaimTemplate",
        // a wrong type: annotations are strings, the API refuses a number
        "base/distribution-service.yaml           | 'prometheus.io/port: \"8080\"'   | 'prometheus.io/port: 8080'      | prod    | prometheus.io/port",
        // a removed API version
        "base/gateway.yaml                        | policy/v1                        | policy/v1beta1                  | dev     | policy/v1beta1",
    })
    void aMisspelledFieldFailsTheValidation(String file, String from, String to, String overlay, String named) throws IOException {
        Path k8s = copy();
        replace(k8s.resolve(file.trim()), unescape(from), unescape(to));
        StrictKubernetes.InvalidObjectException e = assertThrows(StrictKubernetes.InvalidObjectException.class,
                () -> StrictKubernetes.parseAll(Kustomize.build(k8s.resolve("overlays").resolve(overlay.trim()))));
        System.out.println("broken copy (" + named.trim() + "): " + e.getMessage().replace('\n', ' '));
        assertTrue(e.getMessage().contains(named.trim()), "the message names " + named + ": " + e.getMessage());
    }

    @Test
    void aMisspelledKustomizeFieldFailsTheRendering() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("base/kustomization.yaml"), "configMapGenerator:", "configMapGenerators:");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kustomize.build(k8s.resolve("overlays/dev")));
        assertTrue(e.getMessage().contains("configMapGenerators"), e.getMessage());
    }

    @Test
    void aPatchForAnObjectThatIsNotThereFails() throws IOException {
        Path k8s = copy();
        replace(k8s.resolve("overlays/prod/patches/autoscaling.yaml"), "name: gateway", "name: gatway");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kustomize.build(k8s.resolve("overlays/prod")));
        assertTrue(e.getMessage().contains("gatway"), e.getMessage());
    }

    private Path copy() throws IOException {
        Path target = tmp.resolve("k8s");
        try (Stream<Path> files = Files.walk(DeployTree.K8S)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(DeployTree.K8S.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertNotEquals(text, changed, file + " contains " + from);
        Files.writeString(file, changed, StandardCharsets.UTF_8);
        assertEquals(text.length() + to.length() - from.length(), changed.length());
    }

    private static String unescape(String s) {
        return s.trim().replace("\\n", "\n");
    }
}
