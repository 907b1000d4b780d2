package cn.wenming.suite.deploy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Parses rendered objects into the Kubernetes model (fabric8 kubernetes-model 8.0.0, generated
 * from the Kubernetes OpenAPI schemas) so strictly that what the API server would refuse fails
 * here too:
 * <ul>
 * <li>an unknown field fails: the model classes keep unknown fields in an "additionalProperties"
 * map (a Jackson any-setter), which is taken away here, and FAIL_ON_UNKNOWN_PROPERTIES is on;</li>
 * <li>a scalar of the wrong type fails (a number where the API wants a string, such as an env
 * value or a label, or a string where it wants a number or a boolean);</li>
 * <li>an apiVersion/kind pair that is not in {@link #TYPES} fails (a removed API version, a typo);</li>
 * <li>and the object, written back from the model, must equal what was read: nothing dropped.</li>
 * </ul>
 */
final class StrictKubernetes {

    /** The API versions and kinds deploy/k8s may use. */
    static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    static final ObjectMapper MAPPER = strictMapper();

    private StrictKubernetes() {
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetter = new SimpleModule("no-additional-properties");
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean, BeanDeserializerBuilder builder) {
                if (bean.getBeanClass().getName().startsWith("io.fabric8.")) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                }
                return builder;
            }
        });
        // written back as the API writes them (the model's own serializers live in the client, not here)
        noAnySetter.addSerializer(Quantity.class, new StdSerializer<Quantity>(Quantity.class) {
            @Override
            public void serialize(Quantity q, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(q.getAmount() + (q.getFormat() == null ? "" : q.getFormat()));
            }
        });
        noAnySetter.addSerializer(IntOrString.class, new StdSerializer<IntOrString>(IntOrString.class) {
            @Override
            public void serialize(IntOrString v, JsonGenerator g, SerializerProvider p) throws IOException {
                if (v.getIntVal() != null) {
                    g.writeNumber(v.getIntVal());
                } else {
                    g.writeString(v.getStrVal());
                }
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetter)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Thrown with every problem of an object, each naming where it is. */
    static final class InvalidObjectException extends RuntimeException {
        InvalidObjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The object as the model class of its apiVersion and kind; fails on anything the API would refuse. */
    static HasMetadata parse(JsonNode object) {
        String id = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        String where = id + " " + object.path("metadata").path("name").asText();
        Class<? extends HasMetadata> type = TYPES.get(id);
        if (type == null) {
            throw new InvalidObjectException(where + ": " + id + " is not an API version and kind deploy/k8s may use " + TYPES.keySet(), null);
        }
        HasMetadata parsed;
        try {
            parsed = MAPPER.treeToValue(object, type);
        } catch (JsonMappingException e) {
            throw new InvalidObjectException(where + ": " + e.getOriginalMessage() + " at " + path(e), e);
        } catch (Exception e) {
            throw new InvalidObjectException(where + ": " + e.getMessage(), e);
        }
        List<String> lost = new ArrayList<>();
        compare(object, MAPPER.valueToTree(parsed), "", lost);
        if (!lost.isEmpty()) {
            throw new InvalidObjectException(where + ": the model does not keep " + lost, null);
        }
        return parsed;
    }

    /** Parses all, failing with every invalid object listed. */
    static List<HasMetadata> parseAll(List<? extends JsonNode> objects) {
        List<HasMetadata> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            try {
                out.add(parse(o));
            } catch (InvalidObjectException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidObjectException(problems.size() + " invalid object(s):\n  " + String.join("\n  ", problems), null);
        }
        return out;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "(top)" : b.substring(b.charAt(0) == '.' ? 1 : 0);
    }

    /**
     * What was read, compared with what the model writes back. A missing field, null, an empty
     * list and an empty map are the same (the model leaves empty ones out); scalars compare by
     * their text (Quantity and IntOrString write "1" for 1).
     */
    private static void compare(JsonNode read, JsonNode written, String path, List<String> lost) {
        if (empty(read) && empty(written)) {
            return;
        }
        if (read.isObject() && written.isObject()) {
            Iterator<String> names = read.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                compare(read.get(n), written.path(n), path + "." + n, lost);
            }
            Iterator<String> extra = written.fieldNames();
            while (extra.hasNext()) {
                String n = extra.next();
                // the model fills in apiVersion and kind of embedded objects (a StatefulSet's volumeClaimTemplates)
                if (!read.has(n) && !empty(written.get(n)) && !n.equals("apiVersion") && !n.equals("kind")) {
                    lost.add((path + "." + n).substring(1) + " (added by the model)");
                }
            }
        } else if (read.isArray() && written.isArray() && read.size() == written.size()) {
            for (int i = 0; i < read.size(); i++) {
                compare(read.get(i), written.get(i), path + "[" + i + "]", lost);
            }
        } else if (!(read.isValueNode() && written.isValueNode() && read.asText().equals(written.asText()))) {
            lost.add((path.isEmpty() ? "(top)" : path.substring(1)) + " (read " + read + ", kept " + written + ")");
        }
    }

    private static boolean empty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
    }

    /** The rendered objects of an overlay as a map from "Kind/name" to the object. */
    static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        Map<String, ObjectNode> map = new java.util.LinkedHashMap<>();
        for (ObjectNode o : objects) {
            map.put(Kustomize.kind(o) + "/" + Kustomize.name(o), o);
        }
        return map;
    }
}
