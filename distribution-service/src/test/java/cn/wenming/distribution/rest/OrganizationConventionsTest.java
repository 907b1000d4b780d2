package cn.wenming.distribution.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class OrganizationConventionsTest extends ConventionsContract {

    OrganizationConventionsTest() {
        super("/api/v1/organizations", Roles.ADMIN, Roles.EDITOR, "name");
    }

    @Override
    protected String newItemJson() {
        return """
                {"name":"测试收文单位%s","shortName":"测试单位","kind":"PEER","contactPerson":"梅雪峰","contactPhone":"010-55569506"}"""
                .formatted(UUID.randomUUID());
    }
}
