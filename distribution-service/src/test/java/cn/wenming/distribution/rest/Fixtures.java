package cn.wenming.distribution.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.TestTokens;
import io.restassured.http.ContentType;

/** What the tests of this service share: unique names, tokens, and organizations made through the API. */
final class Fixtures {

    private Fixtures() {
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String as(String role) {
        return TestTokens.bearer(role + "-" + UUID.randomUUID(), role);
    }

    /** Creates an organization from JSON as an admin; returns its id. */
    static String organization(String json) {
        return given().header("Authorization", as(Roles.ADMIN)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    /** A PAPER organization of a kind. */
    static String paperOrganization(String name, String kind) {
        return organization("{\"name\":\"%s\",\"kind\":\"%s\"}".formatted(name, kind));
    }
}
