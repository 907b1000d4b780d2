package cn.wenming.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The four services as one product (issue 8), started as {@code ./suite run} starts them and used
 * through the nginx gateway: publishing an issue leads to its dispatch and every recipient's signed
 * delivery, exactly once, also when distribution-service is down during the publication and when
 * bulletin-service is killed right after it. And distribution-service's own crash (issue 7): killed
 * with SIGKILL mid-dispatch, restarted, every delivery ends SENT once.
 */
class HandOffEndToEndTest {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final List<String> SEED_RECIPIENTS = List.of("中央文明办", "首都文明委主任、副主任", "市委、市人大、市政府、市政协",
            "首都文明委委员", "市委、市政府各部委办局", "各总公司、高等院校", "市级群众团体", "各区委书记、区长、宣传部长", "各区文明办", "有关新闻单位");

    private static Suite suite;
    private static String gateway;
    private static WebhookInbox inbox;
    private static Path seed;
    private static String seriesId;
    private static final Map<String, String> standingLists = new LinkedHashMap<>();

    private final String editor = token("编辑-" + UUID.randomUUID(), "editor");
    private final String reviewer = token("审核-" + UUID.randomUUID(), "reviewer");
    private final String admin = token("admin-" + UUID.randomUUID(), "admin");

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of("..").toAbsolutePath().normalize();
        seed = root.resolve("../shared/seed").normalize();
        assertTrue(Files.isDirectory(seed), "the seed folder ../shared/seed is beside the project");
        var config = Suite.Config.forTests(root, Path.of("target/e2e-handoff-" + UUID.randomUUID()).toAbsolutePath(), Optional.of(seed))
                // the receivers listen on 127.0.0.1: only this run may call it; short waits so retries show within the test
                .withServiceEnv("distribution-service", Map.of("DISTRIBUTION_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
                        "DISTRIBUTION_WEBHOOK_TIMEOUT", "2s", "DISTRIBUTION_EMAIL_TIMEOUT", "2s", "DISTRIBUTION_DELIVERY_POLL_EVERY", "1s",
                        "DISTRIBUTION_DELIVERY_BACKOFF", "200ms", "DISTRIBUTION_DELIVERY_MAX_BACKOFF", "1s"))
                .withServiceEnv("bulletin-service", Map.of("BULLETIN_OUTBOX_POLL_EVERY", "1s", "BULLETIN_OUTBOX_BACKOFF", "200ms",
                        "BULLETIN_OUTBOX_MAX_BACKOFF", "2s"));
        suite = Suite.start(config);
        gateway = suite.gatewayUrl();
        inbox = new WebhookInbox();
        String admin = token("admin-setup", "admin");
        // the office's standing recipients (loaded from the seed) now receive through their own systems
        List<Map<String, Object>> organizations = as(admin).queryParam("limit", 100).get(gateway + "/api/v1/organizations")
                .then().statusCode(200).extract().path("items");
        for (String name : SEED_RECIPIENTS) {
            Map<String, Object> o = organizations.stream().filter(x -> name.equals(x.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("seed recipient missing: " + name));
            as(admin).body(Map.of("name", name, "kind", o.get("kind"), "channel", "WEBHOOK", "webhookUrl", inbox.url(),
                    "webhookSecret", WebhookInbox.SECRET)).put(gateway + "/api/v1/organizations/" + o.get("id")).then().statusCode(200);
        }
        List<Map<String, Object>> lists = as(admin).queryParam("limit", 100).get(gateway + "/api/v1/distribution-lists")
                .then().statusCode(200).extract().path("items");
        for (String part : List.of("报", "送", "发")) {
            Map<String, Object> l = lists.stream().filter(x -> ("简报常用名单·" + part).equals(x.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("standing list missing: " + part));
            standingLists.put((String) l.get("type"), (String) l.get("id"));
        }
        List<Map<String, Object>> series = as(admin).get(gateway + "/api/v1/bulletin-series").then().statusCode(200).extract().path("items");
        seriesId = (String) series.stream().filter(s -> "首都精神文明建设情况简报".equals(s.get("title"))).findFirst().orElseThrow().get("id");
    }

    @AfterAll
    static void stopSuite() {
        if (inbox != null) {
            inbox.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void theSeedIssueWithItsReferencesIsPublishedAndReachesEveryRecipientSignedOnce() throws Exception {
        // task-service: the seed's work plan, imported as an editor would (under another year: the seed's 2020 is loaded)
        String planText = planArticle(Files.readString(seed.resolve("bulletin-2020-17.txt"), StandardCharsets.UTF_8), "2020年首都精神文明建设工作");
        String planId = given().header("Authorization", editor).contentType("text/plain; charset=UTF-8").body(planText)
                .queryParam("commit", "true").queryParam("year", "2021").post(gateway + "/api/v1/work-plans/imports")
                .then().statusCode(201).body("taskCount", equalTo(23)).extract().path("planId");
        List<String> taskIds = as(editor).queryParam("planId", planId).queryParam("limit", 100).get(gateway + "/api/v1/tasks")
                .then().statusCode(200).body("items.size()", equalTo(23)).extract().path("items.id");
        // honors-service: the seventh session of the capital's moral models the first article names
        List<Map<String, Object>> programs = as(editor).queryParam("limit", 100).get(gateway + "/api/v1/honor-programs")
                .then().statusCode(200).extract().path("items");
        String moralModels = (String) programs.stream().filter(p -> "首都道德模范".equals(p.get("name"))).findFirst().orElseThrow().get("id");
        String honorId = as(editor).body("""
                {"programId":"%s","session":7,"year":2020,"category":"助人为乐","level":"AWARD",\
                "recipient":{"kind":"PERSON","name":"张秀英","gender":"FEMALE","workUnit":"朝阳区和平街街道樱花园社区居委会"},\
                "district":"朝阳区","citation":"十余年如一日照料社区孤寡老人，组建“樱花志愿服务队”，带动两百余名居民参与邻里互助。",\
                "nominatedBy":"朝阳区文明办","contact":"010-65000000"}""".formatted(moralModels))
                .post(gateway + "/api/v1/honors").then().statusCode(201).extract().path("id");

        // bulletin-service: the seed issue as a draft, its articles referring to the honor and two tasks, sent to the standing lists
        String id = given().header("Authorization", editor).contentType("text/plain; charset=UTF-8")
                .body(Files.readString(seed.resolve("bulletin-2020-17.txt"), StandardCharsets.UTF_8))
                .queryParam("commit", "true").queryParam("as", "draft").post(gateway + "/api/v1/bulletins/imports")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> input = inputOf(as(editor).get(gateway + "/api/v1/bulletins/" + id).then().statusCode(200).extract().path(""));
        List<Map<String, Object>> articles = articlesOf(input);
        articles.get(0).put("honorIds", List.of(honorId));
        articles.get(1).put("taskIds", taskIds.subList(0, 2));
        input.put("distributionLists", Map.of("REPORT", List.of(standingLists.get("REPORT")), "SEND", List.of(standingLists.get("SEND")),
                "ISSUE", List.of(standingLists.get("ISSUE"))));
        as(editor).body(input).put(gateway + "/api/v1/bulletins/" + id).then().statusCode(200);

        publish(id);
        String dispatchId = awaitDispatchComplete(id);
        assertExactlyOnceToEveryRecipient(id);
        String label = as(editor).get(gateway + "/api/v1/bulletins/" + id).then().statusCode(200).extract().path("label");
        assertTrue(label.matches("\\d{4}年第\\d+期（总第\\d+期）"), label);
        for (JsonNode body : inbox.bodiesOf(id)) {
            assertEquals(dispatchId, body.path("dispatchId").asText());
            assertEquals(label, body.path("issueLabel").asText(), "the label as bulletin-service prints it");
            assertEquals("https://wenming.local/api/v1/bulletins/" + id + "/render", body.path("link").asText(),
                    "the link is on the public site, taken from the issue");
        }

        // one recipient signs for it (签收) with its own recipient token; another body cannot; the counts say so
        java.util.Iterator<String> deliveries = inbox.deliveriesOf(id).keySet().iterator();
        String one = deliveries.next();
        String other = deliveries.next();
        String body = as(editor).get(gateway + "/api/v1/deliveries/" + one).then().statusCode(200).extract().path("organizationId");
        String otherBody = as(editor).get(gateway + "/api/v1/deliveries/" + other).then().statusCode(200).extract().path("organizationId");
        String recipient = "Bearer " + suite.tokenFor("oa-" + body, java.util.UUID.fromString(body), "recipient");
        as(recipient).post(gateway + "/api/v1/deliveries/" + other + "/acknowledgement").then().statusCode(404);
        as(recipient).post(gateway + "/api/v1/deliveries/" + one + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        as("Bearer " + suite.tokenFor("oa-" + otherBody, java.util.UUID.fromString(otherBody), "recipient"))
                .queryParam("limit", 100).get(gateway + "/api/v1/deliveries").then().statusCode(200).body("items.id", hasItem(other))
                .body("items.organizationId", org.hamcrest.Matchers.everyItem(equalTo(otherBody)));
        as(editor).get(gateway + "/api/v1/dispatches/" + dispatchId).then().statusCode(200)
                .body("counts.total", equalTo(10)).body("counts.acknowledged", equalTo(1)).body("counts.sent", equalTo(9))
                .body("counts.pending", equalTo(0)).body("counts.failed", equalTo(0));
    }

    @Test
    void publishedWhileDistributionIsDownTheDispatchFollowsWhenItIsBack() {
        String id = approvedDraft();
        suite.stopService("distribution-service", false);
        try {
            publish(id).then().body("status", equalTo("PUBLISHED"))
                    .body("distribution.REPORT", hasItem("中央文明办")); // the names stored with the issue
            as(reviewer).get(gateway + "/api/v1/bulletins/" + id + "/render").then().statusCode(200);
        } finally {
            suite.restartService("distribution-service");
        }
        awaitDispatchComplete(id);
        assertExactlyOnceToEveryRecipient(id);
    }

    @Test
    void bulletinServiceKilledRightAfterThePublishCommitsStillDispatchesOnce() {
        String id = approvedDraft();
        publish(id);
        suite.stopService("bulletin-service", true); // SIGKILL: no shutdown hook, whatever the relay was doing is cut
        suite.restartService("bulletin-service");
        awaitDispatchComplete(id);
        assertExactlyOnceToEveryRecipient(id);
        as(editor).queryParam("bulletinId", id).get(gateway + "/api/v1/dispatches").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].round", equalTo(1));
    }

    @Test
    void distributionServiceKilledMidDispatchResumesAndEveryDeliveryEndsSentOnce() throws Exception {
        int recipients = 120;
        String distribution = suite.serviceUrl("distribution-service");
        try (WebhookInbox slow = new WebhookInbox()) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < recipients; i++) {
                members.add(as(admin).body(Map.of("name", "接收单位-" + UUID.randomUUID(), "kind", "SUBORDINATE", "channel", "WEBHOOK",
                        "webhookUrl", slow.url(), "webhookSecret", WebhookInbox.SECRET))
                        .post(distribution + "/api/v1/organizations").then().statusCode(201).extract().<String>path("id"));
            }
            String list = as(admin).body(Map.of("name", "崩溃测试名单-" + UUID.randomUUID(), "type", "ISSUE", "members", members))
                    .post(distribution + "/api/v1/distribution-lists").then().statusCode(201).extract().path("id");
            slow.holdAfter(30); // the receiver takes 30, then hangs: the service is killed with sends in flight
            // an issue published to that list: its dispatch follows the publication (the outbox)
            String bulletinId = approvedDraft(Map.of("ISSUE", List.of(list)));
            publish(bulletinId);
            String[] dispatch = new String[1];
            await(() -> {
                List<String> ids = as(editor).queryParam("bulletinId", bulletinId).get(distribution + "/api/v1/dispatches").path("items.id");
                dispatch[0] = ids.isEmpty() ? null : ids.get(0);
                return dispatch[0] != null;
            }, "the issue is dispatched");
            String dispatchId = dispatch[0];
            await(() -> slow.accepted.size() >= 30 && slow.holding.get() > 0, "sends are in flight");

            suite.stopService("distribution-service", true);
            slow.release();
            suite.restartService("distribution-service");

            await(() -> as(editor).get(distribution + "/api/v1/dispatches/" + dispatchId).<Integer>path("counts.sent") == recipients,
                    "every delivery SENT after the restart");
            List<String> deliveryIds = new ArrayList<>();
            String cursor = null;
            do {
                RequestSpecification r = as(editor).queryParam("limit", 100);
                if (cursor != null) {
                    r.queryParam("cursor", cursor);
                }
                Response page = r.get(distribution + "/api/v1/dispatches/" + dispatchId + "/deliveries");
                deliveryIds.addAll(page.path("items.id"));
                cursor = page.path("nextCursor");
            } while (cursor != null);
            assertEquals(recipients, deliveryIds.size());
            assertEquals(Set.copyOf(deliveryIds), slow.accepted.keySet(), "every receiver has its delivery (de-duplicated by id)");
            for (String d : deliveryIds) {
                List<String> outcomes = as(editor).get(distribution + "/api/v1/deliveries/" + d).path("attemptLog.outcome");
                assertEquals(1, outcomes.stream().filter("SENT"::equals).count(), "one SENT per delivery: " + outcomes);
            }
            assertEquals(0, slow.badSignatures.get());
        }
    }

    // --- steps ---------------------------------------------------------------------------------

    /** A short new issue in the seed's series, sent to the standing lists, submitted and approved by two people. */
    private String approvedDraft() {
        return approvedDraft(Map.of("REPORT", List.of(standingLists.get("REPORT")), "SEND", List.of(standingLists.get("SEND")),
                "ISSUE", List.of(standingLists.get("ISSUE"))));
    }

    /** The same, sent to these lists (by part). */
    private String approvedDraft(Map<String, List<String>> lists) {
        Map<String, Object> body = new HashMap<>();
        body.put("seriesId", seriesId);
        body.put("editor", "梅雪峰");
        body.put("reviewer", "田文松");
        body.put("articles", List.of(Map.of("title", "背街小巷环境精细化整治提升持续推进", "source", "本刊",
                "paragraphs", List.of("各区文明办按照动员部署大会要求，扎实推进背街小巷环境精细化整治提升工作。"))));
        body.put("distribution", Map.of("REPORT", List.of("中央文明办"), "SEND", List.of("首都文明委委员"), "ISSUE", List.of("各区文明办")));
        body.put("distributionLists", lists);
        String id = as(editor).body(body).post(gateway + "/api/v1/bulletins").then().statusCode(201).extract().path("id");
        as(editor).post(gateway + "/api/v1/bulletins/" + id + "/submit").then().statusCode(200);
        as(reviewer).post(gateway + "/api/v1/bulletins/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private Response publish(String id) {
        if (!"APPROVED".equals(as(editor).get(gateway + "/api/v1/bulletins/" + id).path("status"))) {
            as(editor).post(gateway + "/api/v1/bulletins/" + id + "/submit").then().statusCode(200);
            as(reviewer).post(gateway + "/api/v1/bulletins/" + id + "/approve").then().statusCode(200);
        }
        Response r = as(reviewer).post(gateway + "/api/v1/bulletins/" + id + "/publish");
        r.then().statusCode(200).body("status", equalTo("PUBLISHED"));
        return r;
    }

    /** Waits for the issue's dispatch to have all ten deliveries SENT (or beyond); returns its id. */
    private String awaitDispatchComplete(String bulletinId) {
        String[] found = new String[1];
        await(() -> {
            Response r = as(editor).queryParam("bulletinId", bulletinId).get(gateway + "/api/v1/dispatches");
            if (r.statusCode() != 200 || r.<List<?>>path("items").isEmpty()) {
                return false;
            }
            found[0] = r.path("items[0].id");
            return r.<Integer>path("items[0].counts.total") == SEED_RECIPIENTS.size()
                    && r.<Integer>path("items[0].counts.pending") == 0;
        }, "the dispatch of " + bulletinId + " is complete");
        return found[0];
    }

    private static void assertExactlyOnceToEveryRecipient(String bulletinId) {
        Map<String, Integer> seen = inbox.deliveriesOf(bulletinId);
        assertEquals(SEED_RECIPIENTS.size(), seen.size(), "one delivery per recipient: " + seen);
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each delivery id arrived exactly once: " + seen);
        assertEquals(Set.copyOf(SEED_RECIPIENTS), Set.copyOf(inbox.bodiesOf(bulletinId).stream().map(b -> b.path("recipient").asText()).toList()));
        assertEquals(0, inbox.badSignatures.get(), "every signature verifies");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String token(String user, String role) {
        return "Bearer " + suite.token(user, role);
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON.withCharset("UTF-8"));
    }

    /** The writable fields of a bulletin as read back, to send it again with changes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputOf(Map<String, Object> view) {
        Map<String, Object> in = new HashMap<>();
        for (String f : List.of("seriesId", "issueDate", "editor", "reviewer", "printRun", "distribution", "distributionLists", "additions")) {
            if (view.get(f) != null) {
                in.put(f, view.get(f));
            }
        }
        List<Map<String, Object>> articles = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) view.get("articles")) {
            Map<String, Object> article = new HashMap<>();
            for (String f : List.of("title", "source", "paragraphs", "taskIds", "honorIds")) {
                if (a.get(f) != null) {
                    article.put(f, a.get(f));
                }
            }
            articles.add(article);
        }
        in.put("articles", articles);
        return in;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> articlesOf(Map<String, Object> input) {
        return (List<Map<String, Object>>) input.get("articles");
    }

    /** The plan's article of the seed bulletin: from the line starting with its title up to the editor's line (责编). */
    private static String planArticle(String bulletin, String title) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : bulletin.lines().toList()) {
            String l = line.strip();
            if (!in && l.startsWith(title)) {
                in = true;
            } else if (in && l.startsWith("责编")) {
                break;
            }
            if (in) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WITHIN.toSeconds() + "s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
