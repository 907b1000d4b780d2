package cn.wenming.distribution.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The suite's conventions on /api/v1/dispatches: admins dispatch (beside bulletin-service), editors may not; readers may not see dispatches, so a reviewer reads. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class DispatchConventionsTest extends ConventionsContract {

    DispatchConventionsTest() {
        super("/api/v1/dispatches", Roles.ADMIN, Roles.EDITOR, "bulletinId");
    }

    @Override
    protected String newItemJson() {
        String organization = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        return DispatchDesk.body(UUID.randomUUID(), null, java.util.List.of(DispatchDesk.list("ISSUE", organization)), null);
    }

    @Override
    protected String reader() {
        return Fixtures.as(Roles.REVIEWER);
    }
}
