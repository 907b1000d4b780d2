package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.SECRET;
import static cn.wenming.distribution.rest.DispatchDesk.await;
import static cn.wenming.distribution.rest.DispatchDesk.body;
import static cn.wenming.distribution.rest.DispatchDesk.dispatch;
import static cn.wenming.distribution.rest.DispatchDesk.list;
import static cn.wenming.distribution.rest.DispatchDesk.webhookOrganization;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.LockWaits;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The delivery worker survives a statement PostgreSQL cancels at its timeout (issue 18,
 * SUITE_DB_STATEMENT_TIMEOUT): while the test holds a lock on the delivery table, the worker's claim
 * waits, is cancelled, and the worker claims again at its next poll; once the lock is gone, a new
 * dispatch is delivered.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class DeliveryWorkerTimeoutTest {

    @Inject
    DataSource database;

    @Test
    void theWorkerClaimsAgainAfterItsClaimIsCancelledAndDeliversTheNextDispatch() throws Exception {
        LockWaits.awaitClaimCancelledAndTakenAgain(database, "delivery",
                "the worker's claim cancelled at the timeout, and the worker claiming again");
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String member = webhookOrganization(receiver.url());
            dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", member)), null)).then().statusCode(201);
            await(() -> receiver.accepted.size() == 1, Duration.ofSeconds(15), "the next dispatch reached its receiver");
        }
    }
}
