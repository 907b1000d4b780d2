package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.distribution.service.DeliveryWorker;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two dispatch workers on one database (the scheduled one is off here: only these two send) share
 * 500 deliveries, each claiming as its senders free up and recording outcomes in batches; every
 * receiver sees every delivery id exactly once, and every delivery ends SENT once the two return.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
@TestProfile(TwoWorkersTest.WorkersByHand.class)
class TwoWorkersTest {

    public static class WorkersByHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("distribution.delivery.enabled", "false", "distribution.delivery.batch", "20");
        }
    }

    private static final int RECIPIENTS = 500;

    @Inject
    DeliveryWorker worker;

    @Test
    void twoWorkersSendFiveHundredDeliveriesEachExactlyOnce() throws Exception {
        try (Receiver a = new Receiver(SECRET, 0); Receiver b = new Receiver(SECRET, 0)) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                members.add(webhookOrganization((i % 2 == 0 ? a : b).url()));
            }
            String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("ISSUE", members.toArray(String[]::new))), null))
                    .then().statusCode(201).body("counts.pending", equalTo(RECIPIENTS)).extract().path("id");

            AtomicInteger claimed = new AtomicInteger();
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> work = () -> {
                    int mine = worker.drain();
                    claimed.addAndGet(mine);
                    return mine;
                };
                List<Future<Integer>> done = two.invokeAll(List.of(work, work));
                for (Future<Integer> f : done) {
                    f.get();
                }
            } finally {
                two.shutdownNow();
            }

            assertEquals(RECIPIENTS, claimed.get(), "the two workers claimed each delivery once between them");
            Set<String> seen = new HashSet<>(a.accepted.keySet());
            seen.addAll(b.accepted.keySet());
            assertEquals(RECIPIENTS, seen.size(), "every delivery reached its receiver");
            assertTrue(a.calls.values().stream().allMatch(n -> n.get() == 1) && b.calls.values().stream().allMatch(n -> n.get() == 1),
                    "no delivery id was called twice");
            assertEquals(0, a.badSignatures.get() + b.badSignatures.get(), "every signature verifies");
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                    .body("counts.sent", equalTo(RECIPIENTS)).body("counts.pending", equalTo(0)).body("counts.failed", equalTo(0));
        }
    }
}
