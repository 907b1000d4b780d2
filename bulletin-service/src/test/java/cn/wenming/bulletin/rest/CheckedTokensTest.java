package cn.wenming.bulletin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.security.VerifiedTokens;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.auth.principal.JWTParser;

/** The service checks bearer tokens through suite-common's cache of checked tokens, and a refused token stays refused. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class CheckedTokensTest {

    @Inject
    JWTParser parser;

    @Test
    void aTokenIsCheckedOnceAndRememberedAndAStrangersNever() {
        VerifiedTokens tokens = assertInstanceOf(VerifiedTokens.class, parser, "Quarkus's JWT check goes through the cache");
        String token = TestTokens.bearer("梅雪峰-" + System.nanoTime(), Roles.READER);
        int before = tokens.kept();
        for (int i = 0; i < 3; i++) {
            RestAssured.given().header("Authorization", token).get("/api/v1/bulletin-series?limit=1").then().statusCode(200);
        }
        assertEquals(before + 1, tokens.kept(), "one new token, kept once");
        String stranger = "Bearer " + TestTokens.signedByStranger("冒名者", Roles.ADMIN);
        for (int i = 0; i < 2; i++) {
            RestAssured.given().header("Authorization", stranger).get("/api/v1/bulletin-series?limit=1").then().statusCode(401);
        }
        assertEquals(before + 1, tokens.kept(), "a refused token is never kept");
    }
}
