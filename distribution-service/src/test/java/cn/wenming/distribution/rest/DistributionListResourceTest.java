package cn.wenming.distribution.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.security.Roles;
import cn.wenming.common.seed.Seed;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import cn.wenming.distribution.domain.Part;
import cn.wenming.distribution.service.SeedLoader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class DistributionListResourceTest {

    static final String PATH = "/api/v1/distribution-lists";

    @Inject
    Seed seed;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theSeedsStandingListsExistWithTheirGroupsInOrder() {
        JsonNode distribution = seed.expected().orElseThrow().path("bulletin").path("distribution");
        for (Part part : Part.values()) {
            List<String> expected = new ArrayList<>();
            distribution.path(part.name()).forEach(g -> expected.add(g.asText()));
            Response page = given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("type", part.name())
                    .queryParam("limit", 100).get(PATH);
            page.then().statusCode(200).body("items.type", everyItem(equalTo(part.name())));
            List<String> standing = page.path("items.find { it.name == '%s' }.members.name".formatted(SeedLoader.standingListName(part)));
            assertEquals(expected, standing, part.label());
        }
    }

    @Test
    void membersKeepTheirOrderAndAnEditReordersThem() {
        String a = Fixtures.paperOrganization(Fixtures.unique("中央文明办"), "SUPERIOR");
        String b = Fixtures.paperOrganization(Fixtures.unique("首都文明委主任、副主任"), "SUPERIOR");
        String name = Fixtures.unique("简报名单·报");
        Response created = create(json(name, "REPORT", b, a));
        created.then().statusCode(201).header("ETag", equalTo("\"0\"")).body("members.id", equalTo(List.of(b, a)))
                .body("members[0].kind", equalTo("SUPERIOR")).body("members[0].channel", equalTo("PAPER"));
        String id = created.path("id");
        given().header("Authorization", Fixtures.as(Roles.ADMIN)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(json(name, "REPORT", a, b)).put(PATH + "/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().header("Authorization", Fixtures.as(Roles.REVIEWER)).get(PATH + "/" + id).then().statusCode(200)
                .body("members.id", equalTo(List.of(a, b))).body("version", equalTo(1));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.ADMIN)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(json(name, "REPORT", b)).put(PATH + "/" + id).then(), 412, "precondition-failed");
    }

    @Test
    void unknownOrRepeatedMembersAreValidationProblemsNamingMembers() {
        String a = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        String missing = UUID.randomUUID().toString();
        assertProblem(create(json(Fixtures.unique("发"), "ISSUE", a, missing)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("members"))).body("detail", containsString(missing));
        assertProblem(create(json(Fixtures.unique("发"), "ISSUE", a, a)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("members")));
    }

    @Test
    void duplicateNameIsAConflictAndOnlyAdminsWrite() {
        String name = Fixtures.unique("简报名单·送");
        create(json(name, "SEND")).then().statusCode(201);
        assertProblem(create(json(name, "ISSUE")).then(), 409, "conflict").body("detail", containsString(name));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.EDITOR)).contentType(ContentType.JSON)
                .body(json(Fixtures.unique("名单"), "SEND")).post(PATH).then(), 403, "forbidden");
        given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("type", "ISSUE").queryParam("limit", 100).get(PATH)
                .then().body("items.name", not(hasItem(name)));
    }

    @Test
    void listsNamedByIdComeInOneAnswerWithTheirMembersAndUnknownIdsAreLeftOut() {
        String a = Fixtures.paperOrganization(Fixtures.unique("中央文明办"), "SUPERIOR");
        String b = Fixtures.paperOrganization(Fixtures.unique("首都文明委委员"), "PEER");
        String c = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        String report = create(json(Fixtures.unique("名单·报"), "REPORT", a, b)).then().statusCode(201).extract().path("id");
        String issue = create(json(Fixtures.unique("名单·发"), "ISSUE", c, a)).then().statusCode(201).extract().path("id");
        create(json(Fixtures.unique("名单·送"), "SEND", b)).then().statusCode(201); // not asked for
        String unknown = UUID.randomUUID().toString();
        Response r = given().header("Authorization", TestTokens.serviceBearer("bulletin-service")).queryParam("id", report, unknown, issue, report)
                .queryParam("limit", 100).get(PATH);
        r.then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", org.hamcrest.Matchers.nullValue());
        List<String> ids = r.path("items.id");
        assertEquals(java.util.Set.of(report, issue), new java.util.HashSet<>(ids), "the lists asked for, each once, and no other");
        int at = ids.indexOf(issue);
        assertEquals(List.of(c, a), r.path("items[" + at + "].members.id"), "members in their order");
        // paging works with the filter: one list a page
        given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("id", report, issue).queryParam("limit", 1).get(PATH)
                .then().statusCode(200).body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anIdThatIsNotAUuidOrMoreThanAPageOfIdsIsAProblemNamingId() {
        assertProblem(given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("id", "简报常用名单·报").get(PATH).then(),
                400, "validation").body("errors.field", equalTo(List.of("id")));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("id", UUID.randomUUID().toString(), "第17期")
                .get(PATH).then(), 400, "validation").body("errors.field", equalTo(List.of("id")));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(UUID.randomUUID().toString());
        }
        assertProblem(given().header("Authorization", Fixtures.as(Roles.READER)).queryParam("id", many).get(PATH).then(),
                400, "validation").body("errors.field", equalTo(List.of("id")));
    }

    static String json(String name, String type, String... members) {
        return "{\"name\":\"%s\",\"type\":\"%s\",\"members\":[%s]}".formatted(name, type,
                String.join(",", java.util.Arrays.stream(members).map(m -> "\"" + m + "\"").toList()));
    }

    static Response create(String json) {
        return given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(ContentType.JSON).body(json).post(PATH);
    }
}
