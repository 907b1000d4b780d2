package cn.wenming.task.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes every operation: a summary, a description, and Chinese examples. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class OpenApiDocumentTest {

    private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void everyOperationHasASummaryADescriptionAndAChineseExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> operations = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(name);
            JsonNode o = op.getValue();
            if (o.path("summary").asText().isBlank() || o.path("description").asText().isBlank() || o.path("tags").isEmpty()) {
                lacking.add(name + ": summary, description or tag");
            }
            // the answer's example (a 2xx with a body), or for an answer without a body the request's or a problem's
            List<String> examples = new ArrayList<>();
            o.path("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("2") && !r.getKey().equals("204")) {
                    examples(r.getValue(), examples);
                    if (examples.isEmpty()) {
                        lacking.add(name + ": no example of its " + r.getKey() + " answer");
                    }
                }
            });
            examples(o.path("requestBody"), examples);
            o.path("responses").forEach(r -> examples(r, examples));
            if (examples.stream().noneMatch(e -> CHINESE.matcher(e).find())) {
                lacking.add(name + ": no Chinese example");
            }
            if (!o.path("responses").has("500") || !o.path("responses").path("401").path("content").has("application/problem+json")) {
                lacking.add(name + ": problem answers undocumented");
            }
        }));
        assertEquals(List.of(), lacking);
        for (String expected : List.of("POST /api/v1/work-plans/imports", "GET /api/v1/tasks", "POST /api/v1/tasks/{id}/progress",
                "POST /api/v1/work-plans/{id}/progress", "POST /api/v1/work-plans/{id}/copy", "GET /api/v1/work-plans/{id}/summary",
                "GET /api/v1/work-plans/{id}/summary/units", "GET /api/v1/work-plans/{id}/supervision", "PUT /api/v1/work-plans/{id}/areas/order",
                "POST /api/v1/work-plans/{id}/activate", "POST /api/v1/work-plans/{id}/close")) {
            assertTrue(operations.contains(expected), expected + " is documented: " + operations);
        }
        assertTrue(doc.path("paths").path("/api/v1/work-plans/{id}/progress").path("post").path("requestBody").path("content").has("text/csv"),
                "bulk progress documents its CSV body");
    }

    /**
     * The served document is the committed copy (docs/openapi/task-service.json), compared as parsed JSON (the
     * order of an object's keys aside): the texts and examples live in META-INF/openapi.yaml, the paths, media
     * types and schemas in the code, and merging the two must give exactly the published contract.
     */
    @Test
    void theServedDocumentIsTheCommittedCopy() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode served = json.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode committed = json.readTree(Path.of("../docs/openapi/task-service.json").toFile());
        assertEquals(committed, served, "the served OpenAPI document differs from docs/openapi/task-service.json (./suite openapi rewrites it)");
    }

    /** Every example value under {@code node}, as text. */
    private static void examples(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(f -> {
            if (f.getKey().equals("example")) {
                out.add(f.getValue().toString());
            } else if (f.getKey().equals("examples")) {
                f.getValue().forEach(e -> out.add(e.path("value").toString()));
            } else {
                examples(f.getValue(), out);
            }
        });
        if (node.isArray()) {
            node.forEach(n -> examples(n, out));
        }
    }
}
