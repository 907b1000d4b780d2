package cn.wenming.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The hash of a record: over all of its content and the hash before it; what is hashed is what is stored. */
class AuditRecordTest {

    private static AuditEntry entry(String user) {
        return new AuditEntry(user, "8a1f0c2e-3b4d-4e5f-9a6b-7c8d9e0f1a2b", "editor", "10.12.3.45", "POST", "/api/v1/work-plans", null,
                "WorkPlanResource_create", "WorkPlan", "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", null, 0L, Outcome.SUCCESS, null, "rid-1",
                null, "[{\"type\":\"WorkPlan\"}]");
    }

    @Test
    void theHashCoversEveryFieldAndThePreviousHash() {
        Instant at = Instant.parse("2026-05-20T01:30:12.123456789Z");
        AuditRecord r = AuditRecord.next(7, at, entry("王芳"), AuditRecord.GENESIS);
        assertEquals(64, r.hash().length());
        assertEquals(r.hash(), r.computeHash(), "recomputed alike");
        assertEquals(Instant.parse("2026-05-20T01:30:12.123456Z"), r.at(), "kept to the microsecond, as PostgreSQL keeps it");
        Set<String> hashes = new HashSet<>();
        hashes.add(r.hash());
        for (AuditRecord changed : List.of(
                new AuditRecord(8, r.id(), r.at(), r.entry(), r.prevHash(), null),
                new AuditRecord(7, UUID.randomUUID(), r.at(), r.entry(), r.prevHash(), null),
                new AuditRecord(7, r.id(), r.at().plusNanos(1000), r.entry(), r.prevHash(), null),
                new AuditRecord(7, r.id(), r.at(), entry("王芳 "), r.prevHash(), null),
                new AuditRecord(7, r.id(), r.at(), entry(null), r.prevHash(), null),
                new AuditRecord(7, r.id(), r.at(), r.entry(), "1" + AuditRecord.GENESIS.substring(1), null))) {
            assertTrue(hashes.add(changed.computeHash()), "a change of any part changes the hash: " + changed);
        }
        // fields are kept apart: moving text from one field to the next is another record
        AuditEntry a = new AuditEntry("ab", "c", null, null, "POST", "/", null, null, null, null, null, null, Outcome.REFUSED, 401, null, null, null);
        AuditEntry b = new AuditEntry("a", "bc", null, null, "POST", "/", null, null, null, null, null, null, Outcome.REFUSED, 401, null, null, null);
        assertNotEquals(AuditRecord.next(1, at, a, AuditRecord.GENESIS).computeHash(),
                new AuditRecord(1, AuditRecord.next(1, at, a, AuditRecord.GENESIS).id(), at, b, AuditRecord.GENESIS, null).computeHash());
    }

    @Test
    void textIsStoredCleanSoThatWhatIsHashedIsWhatIsKept() {
        assertEquals("a\uFFFDb\uFFFD", Texts.clean("a\u0000b\u001b", 100));
        assertEquals("x\uFFFDy", Texts.clean("x\ud800y", 100), "a lone surrogate");
        assertEquals("文明😀", Texts.clean("文明😀", 100), "a pair stays");
        assertEquals("文明", Texts.clean("文明😀", 3), "never half a pair");
        assertEquals("abc", Texts.clean("abcdef", 3));
        assertEquals(null, Texts.clean(null, 3));
        String clean = "首都精神文明办";
        assertTrue(clean == Texts.clean(clean, 100), "clean text is kept as it is");
        assertEquals("\uFFFD", new AuditEntry("\u0085", null, null, null, "GET", "/", null, null, null, null, null, null, Outcome.SUCCESS,
                200, null, null, null).user(), "C1 controls too");
    }

    @Test
    void aPathSegmentNamesItsEntity() {
        Set<String> entities = Set.of("WorkPlan", "PlanArea", "Task", "ProgressReport", "Honor", "HonorEvent", "HonorProgram", "Objection",
                "BulletinSeries", "Bulletin", "Dispatch", "Delivery", "DeliveryAttempt", "DistributionList", "Organization");
        assertEquals("WorkPlan", AuditTransactions.typeName("work-plans", entities));
        assertEquals("PlanArea", AuditTransactions.typeName("areas", entities));
        assertEquals("Task", AuditTransactions.typeName("tasks", entities));
        assertEquals("ProgressReport", AuditTransactions.typeName("progress", entities));
        assertEquals("Honor", AuditTransactions.typeName("honors", entities));
        assertEquals("HonorProgram", AuditTransactions.typeName("honor-programs", entities));
        assertEquals("BulletinSeries", AuditTransactions.typeName("bulletin-series", entities));
        assertEquals("Bulletin", AuditTransactions.typeName("bulletins", entities));
        assertEquals("Dispatch", AuditTransactions.typeName("dispatches", entities));
        assertEquals("Delivery", AuditTransactions.typeName("deliveries", entities));
        assertEquals("DistributionList", AuditTransactions.typeName("distribution-lists", entities));
        assertEquals("honor-roll", AuditTransactions.typeName("honor-roll", entities), "no entity: the segment as it is");
    }
}
