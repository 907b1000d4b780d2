package cn.wenming.bulletin.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SeriesConventionsTest extends ConventionsContract {

    SeriesConventionsTest() {
        super("/api/v1/bulletin-series", Roles.EDITOR, Roles.READER, "title");
    }

    @Override
    protected String newItemJson() {
        return """
                {"title":"首都精神文明建设情况简报（增刊）%s","issuingOrg":"首都精神文明办","kind":"SUPPLEMENT",\
                "defaultEditor":"梅雪峰","defaultReviewer":"田文松","phone":"55569506","fax":"55569505","email":"jswmzhxhc@163.com"}"""
                .formatted(UUID.randomUUID());
    }
}
