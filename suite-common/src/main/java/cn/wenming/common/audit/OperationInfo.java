package cn.wenming.common.audit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * What the audit trail needs to know of a resource method, read once per method: its operationId (the
 * one the OpenAPI document shows: the method's own {@code @Operation(operationId)}, otherwise
 * {@code Class_method} as the document's operation-id strategy makes it), its path template, whether
 * it is a read that is recorded ({@link AuditedRead}), and the resource its path names.
 *
 * @param id the operationId
 * @param template e.g. {@code /api/v1/work-plans/{id}/areas/{areaId}}
 * @param auditedRead a read recorded like a write
 * @param collection the first resource segment ({@code work-plans}): the type of what a POST on it creates
 * @param innermostParam the last path parameter ({@code areaId}), null when the path has none
 * @param innermostType the segment before that parameter ({@code areas}), null when there is none
 */
record OperationInfo(String id, String template, boolean auditedRead, String collection, String innermostParam, String innermostType) {

    private static final Map<Method, OperationInfo> KNOWN = new ConcurrentHashMap<>();

    /** The operation of the matched resource method; null when no method was matched. */
    static OperationInfo of(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        return KNOWN.computeIfAbsent(method, m -> read(resource.getResourceClass(), m));
    }

    private static OperationInfo read(Class<?> type, Method method) {
        Operation operation = method.getAnnotation(Operation.class);
        String id = operation != null && !operation.operationId().isBlank() ? operation.operationId()
                : (type == null ? method.getDeclaringClass() : type).getSimpleName() + "_" + method.getName();
        String template = template(type == null ? method.getDeclaringClass() : type, method);
        List<String> segments = new ArrayList<>();
        for (String s : template.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        String collection = null;
        int start = segments.size() > 2 && segments.get(0).equals("api") ? 2 : 0;
        for (int i = start; i < segments.size() && collection == null; i++) {
            if (!segments.get(i).startsWith("{")) {
                collection = segments.get(i);
            }
        }
        String param = null;
        String paramType = null;
        for (int i = segments.size() - 1; i >= 0 && param == null; i--) {
            String s = segments.get(i);
            if (s.startsWith("{") && s.endsWith("}")) {
                param = s.substring(1, s.length() - 1);
                paramType = i > 0 && !segments.get(i - 1).startsWith("{") ? segments.get(i - 1) : null;
            }
        }
        return new OperationInfo(id, template, method.isAnnotationPresent(AuditedRead.class), collection, param, paramType);
    }

    /** The class's and the method's {@code @Path}, joined, with any regular expression of a parameter left out. */
    static String template(Class<?> type, Method method) {
        String classPath = "";
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Path p = c.getAnnotation(Path.class);
            if (p != null) {
                classPath = p.value();
                break;
            }
        }
        Path methodPath = method.getAnnotation(Path.class);
        String joined = "/" + classPath + "/" + (methodPath == null ? "" : methodPath.value());
        joined = joined.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
