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
class DistributionListConventionsTest extends ConventionsContract {

    DistributionListConventionsTest() {
        super("/api/v1/distribution-lists", Roles.ADMIN, Roles.EDITOR, "name");
    }

    @Override
    protected String newItemJson() {
        return "{\"name\":\"测试名单%s\",\"type\":\"SEND\",\"members\":[]}".formatted(UUID.randomUUID());
    }
}
