package cn.wenming.suite.probe;

import java.util.ArrayList;
import java.util.List;

import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;

/**
 * What changed between two versions of one OpenAPI document, as openapi-diff (the OpenAPITools
 * project's maintained comparer) judges it: the changes that break a client generated from the old
 * document (an operation removed; a parameter, request body or answer changed incompatibly), each
 * named {@code METHOD path: what}, and whether anything changed at all.
 */
public final class ApiDiff {

    /** One change that breaks existing clients, on the operation {@code METHOD path}. */
    public record Breaking(String operation, String what) {
        @Override
        public String toString() {
            return operation + ": " + what;
        }
    }

    private final ChangedOpenApi diff;

    private ApiDiff(ChangedOpenApi diff) {
        this.diff = diff;
    }

    /** Compares two documents given as JSON or YAML text. */
    public static ApiDiff between(String oldDocument, String newDocument) {
        return new ApiDiff(OpenApiCompare.fromContents(oldDocument, newDocument));
    }

    public boolean changed() {
        return diff.isChanged().isDifferent();
    }

    public List<Breaking> breaking() {
        List<Breaking> found = new ArrayList<>();
        diff.getMissingEndpoints().forEach(e -> found.add(new Breaking(e.getMethod() + " " + e.getPathUrl(), "removed")));
        for (ChangedOperation op : diff.getChangedOperations()) {
            if (!op.isIncompatible()) {
                continue;
            }
            String name = op.getHttpMethod() + " " + op.getPathUrl();
            List<String> parts = new ArrayList<>();
            part(parts, "parameters", op.getParameters());
            part(parts, "request body", op.getRequestBody());
            part(parts, "answers", op.getApiResponses());
            part(parts, "security", op.getSecurityRequirements());
            found.add(new Breaking(name, parts.isEmpty() ? "changed incompatibly" : String.join(", ", parts) + " changed incompatibly"));
        }
        return found;
    }

    private static void part(List<String> parts, String name, Changed changed) {
        if (changed != null && changed.isIncompatible()) {
            parts.add(name);
        }
    }
}
