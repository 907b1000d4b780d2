package cn.wenming.suite.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The renderer's kustomize semantics, where kustomize's answers are known: the hash suffixes
 * below are what kubectl kustomize (kustomize v5.5.0) printed for the same ConfigMaps.
 */
class KustomizeTest {

    @TempDir
    Path tmp;

    @Test
    void configMapHashesAreKustomizes() {
        assertEquals("gthhb2dgk4", Kustomize.configMapHash(configMap("nginx.conf.template", "abc")));
        assertEquals("5d5fcdg42m", Kustomize.configMapHash(configMap("nginx.conf.template", "a<b")));
        assertEquals("cbkh4kf22b", Kustomize.configMapHash(configMap("nginx.conf.template", "a <b> & \"c\" \\ é\t\n$x\n")));
        ObjectNode merged = configMap("A", "1");
        ((ObjectNode) merged.get("data")).put("B", "three").put("C", "x").put("D", "4");
        assertEquals("2k2f8t52md", Kustomize.configMapHash(merged));
    }

    @Test
    void imagesAreSplitAndReplacedAsKustomizeDoes() {
        assertArrayEquals(new String[] { "localhost:5000/wenming/x", "dev", "" }, Kustomize.splitImage("localhost:5000/wenming/x:dev"));
        assertArrayEquals(new String[] { "wenming/x", "", "" }, Kustomize.splitImage("wenming/x"));
        assertArrayEquals(new String[] { "nginx", "1.28", "sha256:ab" }, Kustomize.splitImage("nginx:1.28@sha256:ab"));
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("name", "wenming/x").put("newName", "r.example/wenming/x").put("newTag", "1.0");
        assertEquals("r.example/wenming/x:1.0", Kustomize.setImage("wenming/x", entry));
        assertEquals("r.example/wenming/x:1.0", Kustomize.setImage("wenming/x:old", entry));
        assertNull(Kustomize.setImage("wenming/xy", entry));
        assertNull(Kustomize.setImage("other/wenming/x", entry));
        ObjectNode mirror = JsonNodeFactory.instance.objectNode().put("name", "nginx").put("newName", "mirror.example/nginx");
        assertEquals("mirror.example/nginx:1.28", Kustomize.setImage("nginx:1.28", mirror));
    }

    @Test
    void strategicMergeMergesContainersByNameAndReplacesRules() {
        ObjectNode target = (ObjectNode) parse("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\",\"resources\":{\"requests\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}},"
                + "{\"name\":\"b\"}],\"rules\":[{\"host\":\"one\"},{\"host\":\"two\"}],\"drop\":1}}");
        ObjectNode patch = (ObjectNode) parse("{\"spec\":{\"containers\":[{\"name\":\"a\",\"resources\":{\"requests\":{\"cpu\":\"2\"}}}],"
                + "\"rules\":[{\"host\":\"three\"}],\"drop\":null}}");
        Kustomize.strategicMerge(target, patch, "test");
        assertEquals(parse("{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"x\",\"resources\":{\"requests\":{\"cpu\":\"2\",\"memory\":\"1Gi\"}}},"
                + "{\"name\":\"b\"}],\"rules\":[{\"host\":\"three\"}]}}"), target);
        ObjectNode unknownList = (ObjectNode) parse("{\"spec\":{\"somethingNew\":[1]}}");
        ObjectNode withList = (ObjectNode) parse("{\"spec\":{\"somethingNew\":[0]}}");
        assertThrows(IllegalStateException.class, () -> Kustomize.strategicMerge(withList, unknownList, "test"));
    }

    /**
     * Why the gateway's one folder is deploy/k8s/base/gateway, inside the base: kustomize reads no file
     * above the kustomization, so a folder beside k8s/ (as deploy/gateway was) could not be packed.
     */
    @Test
    void filesOutsideTheKustomizationAreRefusedAsByKustomize() throws IOException {
        Path gateway = Files.createDirectories(tmp.resolve("deploy/gateway"));
        Files.writeString(gateway.resolve("nginx.conf.template"), "events {}\n");
        Path base = Files.createDirectories(tmp.resolve("deploy/k8s/base"));
        Files.writeString(base.resolve("kustomization.yaml"), "configMapGenerator:\n  - name: gateway-template\n    files:\n"
                + "      - ../../gateway/nginx.conf.template\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kustomize.build(base));
        assertTrue(e.getMessage().contains("is not in or below"), e.getMessage());
        // a symbolic link does not help either: kustomize follows it and refuses the same way
        Files.writeString(base.resolve("kustomization.yaml"), "configMapGenerator:\n  - name: gateway-template\n    files:\n"
                + "      - nginx.conf.template\n");
        Files.createSymbolicLink(base.resolve("nginx.conf.template"), Path.of("../../gateway/nginx.conf.template"));
        e = assertThrows(IllegalStateException.class, () -> Kustomize.build(base));
        assertTrue(e.getMessage().contains("is not in or below"), e.getMessage());
    }

    private static ObjectNode configMap(String key, String value) {
        ObjectNode cm = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", "gw");
        cm.putObject("data").put(key, value);
        return cm;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return StrictKubernetes.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
