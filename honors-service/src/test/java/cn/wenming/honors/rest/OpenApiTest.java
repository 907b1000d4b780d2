package cn.wenming.honors.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
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

    @Test
    void everyJsonExampleIsJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        for (Field f : Examples.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                String value = (String) f.get(null);
                if (value.startsWith("{")) {
                    assertFalse(json.readTree(value).isMissingNode(), f.getName());
                    assertTrue(f.getName().equals("WINDOW") || HAN.matcher(value).find(), f.getName() + " is in Chinese");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "examples checked: " + checked);
    }
}
