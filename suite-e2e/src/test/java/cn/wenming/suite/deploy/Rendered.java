package cn.wenming.suite.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** One overlay, rendered and parsed strictly into the model, with the look-ups the rule tests need. */
final class Rendered {

    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");

    final String overlay;
    final List<HasMetadata> objects;

    private Rendered(String overlay, List<HasMetadata> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Rendered of(String overlay) {
        return new Rendered(overlay, StrictKubernetes.parseAll(DeployTree.render(overlay)));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + " " + name));
    }

    /** A generated ConfigMap by the name it has before kustomize's hash suffix. */
    ConfigMap configMap(String name) {
        return all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().equals(name) || HASH_SUFFIX.matcher(c.getMetadata().getName()).replaceFirst("").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap " + name));
    }

    /** Deployments and StatefulSets by name, with their pod templates. */
    Map<String, PodTemplateSpec> workloads() {
        Map<String, PodTemplateSpec> out = new LinkedHashMap<>();
        all(Deployment.class).forEach(d -> out.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(s -> out.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        return out;
    }

    static Container container(PodTemplateSpec template, String name) {
        return template.getSpec().getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /**
     * The environment a container sees from its ConfigMaps and literal values, in Kubernetes's
     * order (envFrom in order, later sources winning, then env). Values from Secrets are not known
     * here and show as "secret:NAME/KEY".
     */
    Map<String, String> environment(Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                ConfigMap cm = all(ConfigMap.class).stream().filter(m -> m.getMetadata().getName().equals(from.getConfigMapRef().getName()))
                        .findFirst().orElseThrow(() -> new AssertionError(overlay + ": envFrom names a missing ConfigMap " + from.getConfigMapRef().getName()));
                env.putAll(cm.getData());
            }
        }
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                env.put(e.getName(), "secret:" + e.getValueFrom().getSecretKeyRef().getName() + "/" + e.getValueFrom().getSecretKeyRef().getKey());
            } else {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }
}
