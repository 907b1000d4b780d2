package cn.wenming.task.rest;

import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.ConventionsContract;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class WorkPlanConventionsTest extends ConventionsContract {

    WorkPlanConventionsTest() {
        super("/api/v1/work-plans", Roles.EDITOR, Roles.READER, "title");
    }

    /** Unique by title; its year comes from {@link PlanYears}, so the plans the contract creates never share a year. */
    @Override
    protected String newItemJson() {
        return """
                {"year":%d,"title":"首都精神文明建设工作（契约测试 %s）","summary":"聚焦四个方面 23项重点任务"}"""
                .formatted(PlanYears.next(), UUID.randomUUID());
    }

    /**
     * Should a year ever be taken already (the allocator rules it out), tries the next years rather
     * than fail a convention that is not about years. The year rule has tests of its own.
     */
    @Override
    protected Response create(String json) {
        Response answer = super.create(json);
        for (int tries = 0; answer.statusCode() == 409 && tries < 3; tries++) {
            answer = super.create(PlanYears.withYear(json, PlanYears.next()));
        }
        return answer;
    }
}
