package cn.wenming.bulletin.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The seed issue (第17期, 总第2126期) entered as a back issue reads back as the seed's reading of it. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SeedIssueTest {

    @Test
    void theSeedIssueEnteredAsAHistoricalIssueReadsBackFieldForField() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(new File("../../shared/seed/bulletin-2020-17.expected.json")).path("bulletin");
        Desk d = new Desk();
        // the seed loader made the series at start
        List<Map<String, Object>> series = Desk.as(d.reader).queryParam("limit", 100).get("/api/v1/bulletin-series").path("items");
        Map<String, Object> seeded = series.stream().filter(s -> s.get("title").equals(expected.path("series").path("title").asText()))
                .findFirst().orElseThrow();
        assertEquals(expected.path("series").path("issuingOrg").asText(), seeded.get("issuingOrg"));
        assertEquals(expected.path("contact").path("phone").asText(), seeded.get("phone"));
        assertEquals(expected.path("contact").path("fax").asText(), seeded.get("fax"));
        assertEquals(expected.path("contact").path("email").asText(), seeded.get("email"));

        List<Map<String, Object>> articles = new ArrayList<>();
        for (JsonNode a : expected.path("articles")) {
            List<String> paragraphs = new ArrayList<>();
            for (int i = 1; i <= a.path("paragraphCount").asInt(); i++) {
                paragraphs.add("第" + i + "段。");
            }
            articles.add(Map.of("title", a.path("title").asText(), "source", a.path("source").asText(), "paragraphs", paragraphs));
        }
        Map<String, Object> distribution = new LinkedHashMap<>();
        expected.path("distribution").fields().forEachRemaining(part -> {
            List<String> groups = new ArrayList<>();
            part.getValue().forEach(g -> groups.add(g.asText()));
            distribution.put(part.getKey(), groups);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seriesId", seeded.get("id"));
        body.put("issueNo", expected.path("issueNo").asInt());
        body.put("cumulativeNo", expected.path("cumulativeNo").asInt());
        body.put("issueDate", expected.path("issueDate").asText());
        body.put("editor", expected.path("editor").asText());
        body.put("reviewer", expected.path("reviewer").asText());
        body.put("articles", articles);
        body.put("distribution", distribution);

        String id = Desk.as(d.admin).body(body).post(Desk.BULLETINS + "/historical").then().statusCode(201).extract().path("id");
        JsonPath back = Desk.as(d.reader).get(Desk.BULLETINS + "/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("seriesTitle", equalTo(expected.path("series").path("title").asText()))
                .body("label", equalTo("2020年第17期（总第2126期）"))
                .extract().jsonPath();
        assertEquals(expected.path("year").asInt(), back.getInt("year"));
        assertEquals(expected.path("issueNo").asInt(), back.getInt("issueNo"));
        assertEquals(expected.path("cumulativeNo").asInt(), back.getInt("cumulativeNo"));
        assertEquals(expected.path("issueDate").asText(), back.getString("issueDate"));
        assertEquals(expected.path("editor").asText(), back.getString("editor"));
        assertEquals(expected.path("reviewer").asText(), back.getString("reviewer"));
        for (int i = 0; i < expected.path("articles").size(); i++) {
            JsonNode a = expected.path("articles").get(i);
            assertEquals(a.path("seq").asInt(), back.getInt("articles[" + i + "].seq"));
            assertEquals(a.path("title").asText().replaceAll("\\s", ""), back.getString("articles[" + i + "].title").replaceAll("\\s", ""));
            assertEquals(a.path("source").asText(), back.getString("articles[" + i + "].source"));
            assertEquals(a.path("paragraphCount").asInt(), back.getList("articles[" + i + "].paragraphs").size());
        }
        assertEquals(distribution, back.getMap("distribution"));
    }
}
