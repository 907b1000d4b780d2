package cn.wenming.suite.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;

/** Where deploy/ is, and its overlays rendered once per test run. */
final class DeployTree {

    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    /** The gateway's only folder, inside the kustomize base: the local run renders it, kustomize packs it. */
    static final Path GATEWAY = ROOT.resolve(Suite.GATEWAY_FOLDER);
    static final List<String> OVERLAYS = List.of("dev", "prod");
    /** The four services, as modules, Deployments, Services and image names. */
    static final List<String> SERVICES = Suite.SERVICES;

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();

    private DeployTree() {
    }

    /** The overlay rendered (a fresh copy each call: tests may change it). */
    static List<ObjectNode> render(String overlay) {
        List<ObjectNode> cached = RENDERED.computeIfAbsent(overlay, o -> Kustomize.build(K8S.resolve("overlays").resolve(o)));
        List<ObjectNode> copy = new ArrayList<>();
        cached.forEach(n -> copy.add(n.deepCopy()));
        return copy;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
    }
}
