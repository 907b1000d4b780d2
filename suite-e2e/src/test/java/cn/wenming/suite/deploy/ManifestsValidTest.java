package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Both overlays render (kustomize semantics, no binary) and every rendered object is valid
 * against the Kubernetes API schemas, parsed strictly into the fabric8 model
 * ({@link StrictKubernetes}): a misspelled field or a wrong type fails here.
 */
class ManifestsValidTest {

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = { "dev", "prod" })
    void everyRenderedObjectParsesStrictly(String overlay) {
        List<ObjectNode> objects = DeployTree.render(overlay);
        List<HasMetadata> parsed = StrictKubernetes.parseAll(objects);
        assertEquals(objects.size(), parsed.size());
        String namespace = "dev".equals(overlay) ? "wenming-dev" : "wenming";
        Set<String> ids = new HashSet<>();
        for (HasMetadata o : parsed) {
            assertTrue(ids.add(o.getKind() + "/" + o.getMetadata().getName()), "one " + o.getKind() + " " + o.getMetadata().getName());
            if ("Namespace".equals(o.getKind())) {
                assertEquals(namespace, o.getMetadata().getName());
            } else {
                assertEquals(namespace, o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName() + " is in the overlay's namespace");
            }
            assertEquals("wenming-suite", o.getMetadata().getLabels().get("app.kubernetes.io/part-of"), o.getKind() + " " + o.getMetadata().getName());
            assertEquals(overlay, o.getMetadata().getLabels().get("wenming.cn/environment"), o.getKind() + " " + o.getMetadata().getName());
        }
        TreeMap<String, Long> kinds = parsed.stream().collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new, Collectors.counting()));
        System.out.println("deploy/k8s/overlays/" + overlay + ": " + parsed.size() + " objects, all valid: " + kinds);
        assertEquals(5L, kinds.get("Deployment"), "four services and the gateway");
        assertEquals(5L, kinds.get("HorizontalPodAutoscaler"));
        assertEquals(5L, kinds.get("PodDisruptionBudget"));
        assertEquals(1L, kinds.get("Ingress"));
        assertFalse(kinds.containsKey("Secret"), "no Secret is rendered: the manifests only name them");
    }
}
