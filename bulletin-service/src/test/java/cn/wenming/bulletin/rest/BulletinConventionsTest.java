package cn.wenming.bulletin.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The API conventions on issues: each new item is a draft in a series made for this test class. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class BulletinConventionsTest extends ConventionsContract {

    BulletinConventionsTest() {
        super("/api/v1/bulletins", Roles.EDITOR, Roles.READER, "editor");
    }

    private static String series;

    @Override
    protected String newItemJson() {
        synchronized (BulletinConventionsTest.class) {
            if (series == null) {
                series = given().header("Authorization", TestTokens.bearer("admin", Roles.ADMIN)).contentType(ContentType.JSON)
                        .body("{\"title\":\"约定测试-" + UUID.randomUUID() + "\",\"issuingOrg\":\"首都精神文明办\",\"kind\":\"REGULAR\"}")
                        .post("/api/v1/bulletin-series").then().statusCode(201).extract().path("id");
            }
        }
        return """
                {"seriesId":"%s","issueDate":"2020-04-24","editor":"编辑%s","reviewer":"田文松",\
                "articles":[{"title":"首都精神文明建设工作动员部署大会召开","source":"本刊","paragraphs":["4月17日上午,北京市召开大会。"]}]}"""
                .formatted(series, UUID.randomUUID());
    }
}
