package cn.wenming.honors.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class HonorProgramConventionsTest extends ConventionsContract {

    HonorProgramConventionsTest() {
        super("/api/v1/honor-programs", Roles.ADMIN, Roles.EDITOR, "name");
    }

    @Override
    protected String newItemJson() {
        return """
                {"name":"首都道德模范%s","recipientKind":"PERSON","periodKind":"SESSION",\
                "categories":["助人为乐","见义勇为","诚实守信","敬业奉献","孝老爱亲"]}"""
                .formatted(UUID.randomUUID());
    }
}
