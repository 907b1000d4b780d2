package cn.wenming.honors.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The OpenAPI document describes every operation of the service with a summary, a description and a Chinese example. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class OpenApiTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasASummaryADescriptionAndAChineseExample() throws Exception {
        Response doc = given().queryParam("format", "json").get("/q/openapi");
        doc.then().statusCode(200);
        Map<String, Map<String, Object>> paths = doc.path("paths");
        List<String> missing = new ArrayList<>();
        int operations = 0;
        ObjectMapper json = new ObjectMapper();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                if (!(op.getValue() instanceof Map)) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                if (!operation.containsKey("responses")) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (operation.get("summary") == null || !HAN.matcher((String) operation.get("summary")).find()) {
                    missing.add(name + ": a Chinese summary");
                }
                if (operation.get("description") == null || ((String) operation.get("description")).isBlank()) {
                    missing.add(name + ": a description");
                }
                Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) operation.get("responses"))
                        .getOrDefault("200", ((Map<String, Object>) operation.get("responses")).get("201"));
                String examples = ok == null ? "" : json.writeValueAsString(ok.get("content"));
                if (!examples.contains("example") || !HAN.matcher(examples).find()) {
                    missing.add(name + ": a Chinese example of its answer");
                }
                if (operation.containsKey("requestBody")) {
                    String body = json.writeValueAsString(operation.get("requestBody"));
                    if (!body.contains("example") || !HAN.matcher(body).find()) {
                        missing.add(name + ": a Chinese example of its body");
                    }
                }
            }
        }
        assertTrue(operations >= 25, "the service's operations are documented: " + operations);
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    /**
     * The examples are written in META-INF/openapi.yaml: one given as a string instead of as JSON (or
     * as JSON that does not parse) would be served as a string. An example with text in it is in
     * Chinese; one of ids, dates and codes only (a publicity window, a list of honor ids) has none.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyJsonExampleIsJson() throws Exception {
        Map<String, Object> paths = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        List<Object> examples = new ArrayList<>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/v1/") && !path.startsWith("/api/v1/audit/")) {
                collectJsonExamples(item, examples);
            }
        });
        ObjectMapper json = new ObjectMapper();
        for (Object value : examples) {
            String text = json.writeValueAsString(value);
            assertTrue(value instanceof Map || value instanceof List, "an example is JSON, not a string: " + text);
            assertTrue(!hasText(value) || HAN.matcher(text).find(), text + " is in Chinese");
        }
        assertTrue(examples.size() >= 8, "examples checked: " + examples.size());
    }

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z_:+.-]*");

    /** Whether a value holds a string that is not an id, a date or a code. */
    private static boolean hasText(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(OpenApiTest::hasText);
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(OpenApiTest::hasText);
        }
        return value instanceof String s && !CODE.matcher(s).matches();
    }

    /** The example values of every application/json body and answer below {@code node}, problem answers left out. */
    @SuppressWarnings("unchecked")
    private static void collectJsonExamples(Object node, List<Object> into) {
        if (!(node instanceof Map)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.get("application/json") instanceof Map<?, ?> media && media.get("examples") instanceof Map<?, ?> named) {
            named.values().forEach(example -> into.add(((Map<String, Object>) example).get("value")));
        }
        map.values().forEach(child -> collectJsonExamples(child, into));
    }
}
