package cn.wenming.suite.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A small kustomize: exactly the features {@code deploy/k8s} uses, done as kustomize 5 does them,
 * so that the overlays render in a plain JUnit test, without a kustomize or kubectl binary.
 * Anything else in a kustomization (another field, a patch target, a generator option, an
 * unknown list merge) is an error rather than silently ignored. When it was written it was
 * compared with {@code kubectl kustomize} (kustomize 5.5.0) object by object, hash names included;
 * to compare again: {@code kubectl kustomize deploy/k8s/overlays/dev} against this renderer's output.
 *
 * <ul>
 * <li>{@code resources}: YAML files (several documents each) in or below the kustomization's
 * folder, and folders holding a kustomization (anywhere), built recursively.</li>
 * <li>{@code configMapGenerator}: {@code name}, {@code behavior} (create, merge, replace),
 * {@code literals} ({@code KEY=VALUE}, surrounding quotes removed) and {@code files}
 * ({@code [KEY=]PATH}, in or below the folder, as kustomize's load restrictor demands). The
 * name gets kustomize's content hash suffix and every reference from a pod template follows.</li>
 * <li>{@code patches}: strategic-merge patches by {@code path} only, each document applied to the
 * object of the same kind and name (list merge keys as in the Kubernetes API, see
 * {@link #MERGE_KEYS}).</li>
 * <li>{@code namespace} (also renames Namespace objects), {@code labels} (pairs, on
 * {@code metadata.labels} only), {@code replicas}, {@code images} (newName, newTag, digest).</li>
 * </ul>
 */
final class Kustomize {

    /** YAML as kustomize reads it: a key twice in one mapping is an error. */
    static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "patches", "configMapGenerator");
    private static final Set<String> GENERATOR_FIELDS = Set.of("name", "behavior", "literals", "files");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "StorageClass",
            "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "IngressClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "CSIDriver", "RuntimeClass");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    /**
     * Lists merged element by element in a strategic merge patch, with their merge key (the
     * Kubernetes API's patchMergeKey). {@code ports} is keyed by containerPort in a container
     * and by port in a Service.
     */
    static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name", "env", "name",
            "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name");
    /** Lists a strategic merge patch replaces whole (no patch strategy in the Kubernetes API). */
    static final Set<String> REPLACED_LISTS = Set.of("args", "command", "envFrom", "ingress", "egress", "from", "to",
            "policyTypes", "rules", "tls", "hosts", "paths", "metrics", "accessModes", "matchExpressions", "values",
            "items", "tolerations");

    /** One object of the build, with the name it had before a hash suffix. */
    private static final class Resource {
        final ObjectNode node;
        final String originalName;
        final boolean hashed;

        Resource(ObjectNode node, boolean hashed) {
            this.node = node;
            this.originalName = name(node);
            this.hashed = hashed;
        }
    }

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}: what {@code kubectl kustomize dir} prints, as objects. */
    static List<ObjectNode> build(Path dir) {
        List<Resource> resources = accumulate(dir.toAbsolutePath().normalize());
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Resource r : resources) {
            if (r.hashed) {
                String name = r.originalName + "-" + configMapHash(r.node);
                ((ObjectNode) r.node.get("metadata")).put("name", name);
                renamed.put(namespace(r.node) + "/" + r.originalName, name);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        for (Resource r : resources) {
            forEachPodSpec(r.node, spec -> renameConfigMapReferences(spec, namespace(r.node), renamed));
            out.add(r.node);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // one kustomization, in kustomize's order: resources, generators, patches, then the transformers

    private static List<Resource> accumulate(Path dir) {
        ObjectNode k = readKustomization(dir);
        List<Resource> resources = new ArrayList<>();
        for (JsonNode entry : array(k, "resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            List<Resource> loaded = new ArrayList<>();
            if (Files.isDirectory(path)) {
                loaded.addAll(accumulate(path));
            } else {
                for (ObjectNode doc : readDocuments(restricted(dir, path))) {
                    loaded.add(new Resource(doc, false));
                }
            }
            for (Resource r : loaded) {
                if (find(resources, kind(r.node), r.originalName) != null) {
                    throw new IllegalStateException(dir + ": " + kind(r.node) + " " + r.originalName + " is defined twice");
                }
                resources.add(r);
            }
        }
        for (JsonNode generator : array(k, "configMapGenerator")) {
            generate(dir, (ObjectNode) generator, resources);
        }
        for (JsonNode patch : array(k, "patches")) {
            requireOnly(patch, Set.of("path"), dir + ": patches (only `path:` is supported)");
            for (ObjectNode doc : readDocuments(restricted(dir, dir.resolve(patch.get("path").asText()).normalize()))) {
                Resource target = find(resources, kind(doc), name(doc));
                if (target != null && !target.node.path("apiVersion").equals(doc.path("apiVersion"))) {
                    target = null; // kustomize matches a patch by group, version, kind and name
                }
                if (target == null) {
                    throw new IllegalStateException(dir + ": the patch " + patch.get("path").asText() + " names "
                            + doc.path("apiVersion").asText() + " " + kind(doc) + " " + name(doc) + ", which is not in the build");
                }
                strategicMerge(target.node, doc, kind(doc) + "/" + name(doc));
            }
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (Resource r : resources) {
                ObjectNode meta = (ObjectNode) r.node.get("metadata");
                if ("Namespace".equals(kind(r.node))) {
                    meta.put("name", ns);
                } else if (!CLUSTER_SCOPED.contains(kind(r.node))) {
                    meta.put("namespace", ns);
                }
            }
        }
        for (JsonNode labels : array(k, "labels")) {
            requireOnly(labels, Set.of("pairs", "includeSelectors", "includeTemplates"), dir + ": labels");
            if (labels.path("includeSelectors").asBoolean(false) || labels.path("includeTemplates").asBoolean(false)) {
                throw new IllegalStateException(dir + ": labels with includeSelectors/includeTemplates are not supported");
            }
            for (Resource r : resources) {
                ObjectNode meta = (ObjectNode) r.node.get("metadata");
                ObjectNode target = meta.has("labels") ? (ObjectNode) meta.get("labels") : meta.putObject("labels");
                labels.get("pairs").fields().forEachRemaining(e -> target.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode replicas : array(k, "replicas")) {
            requireOnly(replicas, Set.of("name", "count"), dir + ": replicas");
            boolean found = false;
            for (Resource r : resources) {
                if (SCALABLE.contains(kind(r.node)) && r.originalName.equals(replicas.get("name").asText())) {
                    ((ObjectNode) r.node.get("spec")).put("replicas", replicas.get("count").asInt());
                    found = true;
                }
            }
            if (!found) {
                throw new IllegalStateException(dir + ": replicas names " + replicas.get("name").asText() + ", which is not in the build");
            }
        }
        for (JsonNode image : array(k, "images")) {
            requireOnly(image, Set.of("name", "newName", "newTag", "digest"), dir + ": images");
            for (Resource r : resources) {
                forEachPodSpec(r.node, spec -> {
                    for (String list : List.of("initContainers", "containers")) {
                        for (JsonNode c : spec.path(list)) {
                            String changed = setImage(c.path("image").asText(), image);
                            if (changed != null) {
                                ((ObjectNode) c).put("image", changed);
                            }
                        }
                    }
                });
            }
        }
        return resources;
    }

    private static ObjectNode readKustomization(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                List<ObjectNode> docs = readDocuments(file);
                if (docs.size() != 1) {
                    throw new IllegalStateException(file + ": one document expected");
                }
                ObjectNode k = docs.get(0);
                k.fieldNames().forEachRemaining(f -> {
                    if (!KUSTOMIZATION_FIELDS.contains(f)) {
                        throw new IllegalStateException(file + ": the field `" + f + "` is not one this renderer knows "
                                + "(it renders only " + new TreeSet<>(KUSTOMIZATION_FIELDS) + ")");
                    }
                });
                if (!"kustomize.config.k8s.io/v1beta1".equals(k.path("apiVersion").asText("kustomize.config.k8s.io/v1beta1"))
                        || !"Kustomization".equals(k.path("kind").asText("Kustomization"))) {
                    throw new IllegalStateException(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
                }
                return k;
            }
        }
        throw new IllegalStateException(dir + " holds no kustomization.yaml");
    }

    // ---------------------------------------------------------------------------------------------
    // configMapGenerator

    private static void generate(Path dir, ObjectNode generator, List<Resource> resources) {
        requireOnly(generator, GENERATOR_FIELDS, dir + ": configMapGenerator");
        String name = generator.get("name").asText();
        Map<String, String> data = new TreeMap<>();
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException(dir + ": the literal `" + text + "` of " + name + " is not KEY=VALUE");
            }
            put(data, text.substring(0, eq), unquote(text.substring(eq + 1)), name);
        }
        for (JsonNode file : generator.path("files")) {
            String text = file.asText();
            int eq = text.indexOf('=');
            Path path = restricted(dir, dir.resolve(eq > 0 ? text.substring(eq + 1) : text).normalize());
            try {
                put(data, eq > 0 ? text.substring(0, eq) : path.getFileName().toString(),
                        Files.readString(path, StandardCharsets.UTF_8), name);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String behavior = generator.path("behavior").asText("create");
        Resource existing = find(resources, "ConfigMap", name);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalStateException(dir + ": the ConfigMap " + name + " exists already (behavior: merge?)");
                }
                ObjectNode cm = JsonNodeFactory.instance.objectNode();
                cm.put("apiVersion", "v1");
                cm.put("kind", "ConfigMap");
                cm.putObject("metadata").put("name", name);
                ObjectNode d = cm.putObject("data");
                data.forEach(d::put);
                resources.add(new Resource(cm, true));
            }
            case "merge", "replace" -> {
                if (existing == null || !existing.hashed) {
                    throw new IllegalStateException(dir + ": behavior " + behavior + " needs a generated ConfigMap " + name + " in a base");
                }
                if ("replace".equals(behavior)) {
                    existing.node.putObject("data");
                }
                ObjectNode d = (ObjectNode) existing.node.get("data");
                TreeMap<String, String> merged = new TreeMap<>();
                d.fields().forEachRemaining(e -> merged.put(e.getKey(), e.getValue().asText()));
                merged.putAll(data);
                d.removeAll();
                merged.forEach(d::put);
            }
            default -> throw new IllegalStateException(dir + ": unknown behavior " + behavior);
        }
    }

    private static void put(Map<String, String> data, String key, String value, String name) {
        if (data.put(key, value) != null) {
            throw new IllegalStateException("the ConfigMap " + name + " gets the key " + key + " twice");
        }
    }

    /** kustomize removes one pair of matching quotes around a literal's value. */
    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * kustomize's name suffix for a ConfigMap: sha256 over Go's JSON of {data, kind, name}, the
     * first ten hex digits with 0,1,3,a,e replaced. kustomize 5 looks the name up by the path
     * "metadata/name" as a single key, finds nothing and hashes an empty name: so do we
     * (checked against kubectl kustomize in It was compared with kubectl kustomize 5.5.0 object by object when written; and {@code KustomizeTest}).
     */
    static String configMapHash(ObjectNode configMap) {
        StringBuilder json = new StringBuilder("{\"data\":{");
        Map<String, String> data = new TreeMap<>();
        configMap.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        boolean first = true;
        for (Map.Entry<String, String> e : data.entrySet()) {
            json.append(first ? "" : ",").append(goJsonString(e.getKey())).append(':').append(goJsonString(e.getValue()));
            first = false;
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.toString().getBytes(StandardCharsets.UTF_8)));
            StringBuilder out = new StringBuilder();
            for (char c : hex.substring(0, 10).toCharArray()) {
                out.append(switch (c) {
                    case '0' -> 'g';
                    case '1' -> 'h';
                    case '3' -> 'k';
                    case 'a' -> 'm';
                    case 'e' -> 't';
                    default -> c;
                });
            }
            return out.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string as Go's encoding/json writes it (HTML-safe: &lt; &gt; &amp; escaped). */
    static String goJsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static void renameConfigMapReferences(ObjectNode podSpec, String namespace, Map<String, String> renamed) {
        Consumer<JsonNode> rename = ref -> {
            if (ref instanceof ObjectNode o && o.has("name")) {
                String to = renamed.get(namespace + "/" + o.get("name").asText());
                if (to != null) {
                    o.put("name", to);
                }
            }
        };
        for (JsonNode volume : podSpec.path("volumes")) {
            rename.accept(volume.get("configMap"));
            for (JsonNode source : volume.path("projected").path("sources")) {
                rename.accept(source.get("configMap"));
            }
        }
        for (String list : List.of("initContainers", "containers")) {
            for (JsonNode c : podSpec.path(list)) {
                for (JsonNode from : c.path("envFrom")) {
                    rename.accept(from.get("configMapRef"));
                }
                for (JsonNode env : c.path("env")) {
                    rename.accept(env.path("valueFrom").get("configMapKeyRef"));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // strategic merge patch

    static void strategicMerge(ObjectNode target, ObjectNode patch, String where) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode value = f.getValue();
            String path = where + "." + key;
            if (key.startsWith("$")) {
                throw new IllegalStateException(path + ": patch directives are not supported");
            }
            JsonNode current = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && current != null && current.isObject()) {
                strategicMerge((ObjectNode) current, (ObjectNode) value, path);
            } else if (value.isArray() && current != null && current.isArray()) {
                String mergeKey = mergeKey(key, (ArrayNode) value, (ArrayNode) current);
                if (mergeKey != null) {
                    mergeList((ArrayNode) current, (ArrayNode) value, mergeKey, path);
                } else if (REPLACED_LISTS.contains(key)) {
                    target.set(key, value.deepCopy());
                } else {
                    throw new IllegalStateException(path + ": this renderer does not know how a strategic merge patch "
                            + "merges the list `" + key + "` (add it to Kustomize.MERGE_KEYS or REPLACED_LISTS)");
                }
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, ArrayNode patch, ArrayNode current) {
        if ("ports".equals(field)) {
            JsonNode any = current.size() > 0 ? current.get(0) : patch.get(0);
            return any != null && any.has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key, String where) {
        for (JsonNode element : patch) {
            if (!element.has(key)) {
                throw new IllegalStateException(where + ": an element without its merge key " + key);
            }
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(key).equals(element.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match != null) {
                strategicMerge(match, (ObjectNode) element, where + "[" + key + "=" + element.get(key).asText() + "]");
            } else {
                target.add(element.deepCopy());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // images

    /** The new image when {@code image} is the one the entry names, else null (kustomize's image.IsImageMatched). */
    static String setImage(String image, JsonNode entry) {
        String name = entry.get("name").asText();
        if (!(image.equals(name) || image.startsWith(name + ":") || image.startsWith(name + "@"))) {
            return null;
        }
        String[] split = splitImage(image);
        String newName = entry.hasNonNull("newName") ? entry.get("newName").asText() : split[0];
        if (entry.hasNonNull("digest")) {
            return newName + "@" + entry.get("digest").asText();
        }
        if (entry.hasNonNull("newTag")) {
            return newName + ":" + entry.get("newTag").asText();
        }
        return newName + (split[1].isEmpty() ? "" : ":" + split[1]) + (split[2].isEmpty() ? "" : "@" + split[2]);
    }

    /** name, tag, digest: a ':' after the first '/' separates the tag (so registry ports stay in the name). */
    static String[] splitImage(String image) {
        int slash = Math.max(image.indexOf('/'), 0);
        String search = image.substring(slash);
        int at = search.indexOf('@');
        String digest = "";
        if (at >= 0) {
            digest = search.substring(at + 1);
            search = search.substring(0, at);
        }
        int colon = search.indexOf(':');
        if (colon < 0) {
            return new String[] { image.substring(0, slash) + search, "", digest };
        }
        return new String[] { image.substring(0, slash + colon), search.substring(colon + 1), digest };
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    static void forEachPodSpec(ObjectNode node, Consumer<ObjectNode> action) {
        String kind = kind(node);
        if (WORKLOADS.contains(kind) && node.path("spec").path("template").path("spec") instanceof ObjectNode spec) {
            action.accept(spec);
        } else if ("CronJob".equals(kind)
                && node.path("spec").path("jobTemplate").path("spec").path("template").path("spec") instanceof ObjectNode spec) {
            action.accept(spec);
        } else if ("Pod".equals(kind) && node.path("spec") instanceof ObjectNode spec) {
            action.accept(spec);
        }
    }

    /** kustomize's load restrictor: a file must be in or below the kustomization's folder. */
    private static Path restricted(Path dir, Path file) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                throw new IllegalStateException("security; file '" + real + "' is not in or below '" + dir + "' (kustomize's load restrictor)");
            }
            return real;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read", e);
        }
    }

    static List<ObjectNode> readDocuments(Path file) {
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc instanceof ObjectNode o) {
                    docs.add(o);
                } else if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    throw new IllegalStateException(file + ": a document that is not a mapping");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return docs;
    }

    private static Resource find(List<Resource> resources, String kind, String name) {
        for (Resource r : resources) {
            if (kind(r.node).equals(kind) && r.originalName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    private static Iterable<JsonNode> array(ObjectNode k, String field) {
        JsonNode v = k.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new IllegalStateException("`" + field + "` must be a list");
        }
        return v;
    }

    private static void requireOnly(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new IllegalStateException(where + ": the field `" + f + "` is not supported (only " + allowed + ")");
            }
        });
    }

    static String kind(JsonNode node) {
        return node.path("kind").asText();
    }

    static String name(JsonNode node) {
        return node.path("metadata").path("name").asText();
    }

    static String namespace(JsonNode node) {
        return node.path("metadata").path("namespace").asText("");
    }
}
