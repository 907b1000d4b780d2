package cn.wenming.common.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import cn.wenming.common.problem.ProblemType;

/**
 * Documents the problem answers every operation can give, once for all services, so that no
 * resource repeats them: 400 where there is input, 401 and 403 where a token is needed, 404 on
 * paths with an id, 415 where there is a body, 500 everywhere; and where an operation takes
 * {@code If-Match}, the header's text and the 412 a stale one gets. An operation that documents a
 * code (or the header) itself keeps its own text.
 */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        defineProblemSchema(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
                document(path, entry.getValue());
            }
        });
    }

    private static void defineProblemSchema(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        var schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        var text = OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING);
        var fieldError = OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every error answer")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text).addProperty("requestId", text)
                .addProperty("errors", OASFactory.createSchema()
                        .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.ARRAY).items(fieldError)));
    }

    private static void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        if (hasInput) {
            add(responses, ProblemType.VALIDATION, "请求内容无效 (invalid input)", "title: 不能为空 (must not be blank)");
        }
        if (secured) {
            add(responses, ProblemType.UNAUTHENTICATED, "缺少或无效的令牌 (missing or invalid token)",
                    "需要有效的 Bearer 令牌 (a valid bearer token is required)");
            add(responses, ProblemType.FORBIDDEN, "角色不允许 (role not allowed)",
                    "您的角色或所代表的单位不允许此操作 (your role, or the body you act for, does not allow this operation)");
        }
        if (path.contains("{")) {
            add(responses, ProblemType.NOT_FOUND, "资源不存在 (unknown id)",
                    "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10 不存在 (not found)");
        }
        if (operation.getRequestBody() != null) {
            add(responses, ProblemType.UNSUPPORTED_MEDIA_TYPE, "不支持的媒体类型 (unsupported media type)",
                    "不支持的 Content-Type；请使用 application/json (unsupported media type)");
        }
        documentIfMatch(operation, responses);
        add(responses, ProblemType.INTERNAL, "内部错误 (a bug: quote the requestId)",
                "内部错误，请联系运维并提供请求编号 (internal error: quote the requestId to operations)");
        completeDeclared(responses);
    }

    /** What every {@code If-Match} header means, written once for all services. */
    static final String IF_MATCH = "The ETag as last read; a stale one is a 412";

    private static void documentIfMatch(Operation operation, APIResponses responses) {
        if (operation.getParameters() == null) {
            return;
        }
        for (var p : operation.getParameters()) {
            if (p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())) {
                if (p.getDescription() == null) {
                    p.setDescription(IF_MATCH);
                }
                if (p.getExample() == null && (p.getExamples() == null || p.getExamples().isEmpty())) {
                    p.setExample("\"0\"");
                }
                if (responses.getAPIResponse("412") == null) {
                    responses.addAPIResponse("412", OASFactory.createAPIResponse().description("If-Match is stale"));
                }
            }
        }
    }

    private static final java.util.Set<String> GENERIC = java.util.Set.of("Not Authorized", "Not Allowed", "Bad Request");

    private static void add(APIResponses responses, ProblemType type, String description, String detail) {
        String code = Integer.toString(type.status());
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        if (existing == null) {
            existing = OASFactory.createAPIResponse();
            responses.addAPIResponse(code, existing);
        }
        if (existing.getDescription() == null || GENERIC.contains(existing.getDescription())) {
            existing.setDescription(description);
        }
        existing.setContent(problemContent(type, detail));
    }

    /** Any other error response an operation documents (a 409, a 412) gets the problem body too. */
    private static void completeDeclared(APIResponses responses) {
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.length() == 3 && code.charAt(0) >= '4' && response.getContent() == null) {
                ProblemType type = ProblemType.forStatus(Integer.parseInt(code));
                response.setContent(problemContent(type, response.getDescription()));
            }
        });
    }

    private static Content problemContent(ProblemType type, String detail) {
        // in the order of a real answer, and the same order in every run (Map.of has none): the
        // documents are committed (docs/openapi/) and must not change when nothing changed
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("type", type.uri());
        value.put("title", type.title());
        value.put("status", type.status());
        value.put("detail", detail == null ? type.title() : detail);
        value.put("requestId", "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10");
        Example example = OASFactory.createExample().value(value);
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                .addExample(type.name().toLowerCase(), example);
        return OASFactory.createContent().addMediaType("application/problem+json", media);
    }
}
