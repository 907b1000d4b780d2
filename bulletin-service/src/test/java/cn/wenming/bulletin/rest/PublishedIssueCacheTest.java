package cn.wenming.bulletin.rest;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.render.PublishedIssueCache;
import cn.wenming.common.testing.Await;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Published issues are answered from memory: the same answer, private to the client, and never a recalled one. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class PublishedIssueCacheTest {

    @Inject
    EntityManager em;

    @Inject
    PublishedIssueCache cache;

    private static final LocalDate DAY = LocalDate.of(2020, 4, 24);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPublishedIssueIsTheSameFromMemoryPrivateAndRevalidatedByItsETag() {
        Desk d = new Desk();
        var publication = d.published(d.newSeries(), DAY).then().statusCode(200).extract();
        String id = publication.path("id");
        var first = d.get(d.reader, id).then().statusCode(200).header("Cache-Control", allOf(containsString("private"), containsString("max-age=60")))
                .header("ETag", publication.header("ETag")).body("status", equalTo("PUBLISHED")).extract();
        var second = d.get(d.reader, id).then().statusCode(200).header("Cache-Control", allOf(containsString("private"), containsString("max-age=60")))
                .header("ETag", first.header("ETag")).extract();
        assertEquals(first.body().asString(), second.body().asString(), "the kept answer is the answer");
        d.get(d.editor, id).then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("PUBLISHED"));
        Desk.as(d.reader).header("If-None-Match", first.header("ETag")).get(Desk.BULLETINS + "/" + id).then().statusCode(304)
                .header("Cache-Control", allOf(containsString("private"), containsString("max-age=60")));
    }

    @Test
    void aRecalledIssueIsNoLongerAnsweredFromMemory() {
        Desk d = new Desk();
        String id = d.published(d.newSeries(), DAY).then().statusCode(200).extract().path("id");
        d.get(d.reader, id).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        d.step(d.reviewer, id, "recall", Map.of("reason", "文中数据有误")).then().statusCode(200);
        d.get(d.editor, id).then().statusCode(200).body("status", equalTo("RECALLED")).header("Cache-Control", containsString("no-cache"))
                .body("statusReason", equalTo("文中数据有误"));
        d.get(d.reader, id).then().statusCode(404).body("status", equalTo(404)).body("id", nullValue());
    }

    @Test
    void aRecallByAnotherReplicaIsNoticedByTheSweep() {
        Desk d = new Desk();
        String id = d.published(d.newSeries(), DAY).then().statusCode(200).extract().path("id");
        d.get(d.reader, id).then().statusCode(200).body("status", equalTo("PUBLISHED"));   // now kept here
        // another replica recalls it: the row changes in the shared database, this replica's memory is not told
        int changed = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "update bulletin set status = 'RECALLED', status_reason = '另一副本撤回', version = version + 1, updated_at = now() where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());
        assertEquals(1, changed);
        Await.until(() -> d.get(d.reader, id).statusCode() == 404, Duration.ofSeconds(20), Duration.ofMillis(100),
                "the recalled issue no longer served to readers");
        d.get(d.editor, id).then().statusCode(200).body("status", equalTo("RECALLED"));
    }

    @Test
    void anIssueNotInMemoryIsAnsweredFromItsStoredCopyOfTheCurrentVersionOnly() {
        Desk d = new Desk();
        String id = d.published(d.newSeries(), DAY).then().statusCode(200).extract().path("id");
        UUID uuid = UUID.fromString(id);
        String first = d.get(d.reader, id).then().statusCode(200).extract().asString();
        assertEquals(1L, storedVersions(uuid).size(), "stored once read");

        // another replica (or this one after a start) has nothing in memory: the stored copy answers
        cache.forget(uuid);
        String fromStore = d.get(d.reader, id).then().statusCode(200).extract().asString();
        assertEquals(first, fromStore);

        // the stored copy of an older version is never answered: the issue is read and stored again
        cache.forget(uuid);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update bulletin set version = version + 1, updated_at = now() where id = ?1").setParameter(1, uuid).executeUpdate());
        var again = d.get(d.reader, id).then().statusCode(200).extract();
        long current = Long.parseLong(again.header("ETag").replace("\"", ""));
        assertEquals(List.of(current), storedVersions(uuid), "stored anew for the current version");

        // nor that of a recalled issue
        cache.forget(uuid);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update bulletin set status = 'RECALLED', updated_at = now() where id = ?1").setParameter(1, uuid).executeUpdate());
        d.get(d.reader, id).then().statusCode(404);
    }

    private List<Long> storedVersions(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select version from published_json where bulletin_id = ?1", Long.class).setParameter(1, id).getResultList());
    }

    @Test
    void aDraftIsNeverKeptNorShownToReaders() {
        Desk d = new Desk();
        String id = d.createDraft(d.newSeries(), DAY);
        d.get(d.editor, id).then().statusCode(200).body("status", equalTo("DRAFT")).header("Cache-Control", containsString("no-cache"));
        d.get(d.reader, id).then().statusCode(404);
        assertEquals(List.of(), storedVersions(UUID.fromString(id)), "a draft's answer is never stored");
    }
}
