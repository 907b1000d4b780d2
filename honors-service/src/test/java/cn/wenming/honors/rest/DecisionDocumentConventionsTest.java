package cn.wenming.honors.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class DecisionDocumentConventionsTest extends ConventionsContract {

    DecisionDocumentConventionsTest() {
        super(Office.DOCUMENTS, Roles.EDITOR, Roles.REVIEWER, "title");
    }

    @Override
    protected String newItemJson() {
        return """
                {"title":"关于命名背街小巷环境整治提升和深化文明创建先进典型的通报%s","issuedOn":"2020-04-17",\
                "issuer":"首都精神文明建设委员会"}""".formatted(UUID.randomUUID());
    }
}
