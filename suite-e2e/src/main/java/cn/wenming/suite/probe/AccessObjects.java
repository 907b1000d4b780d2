package cn.wenming.suite.probe;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.JwtKeys;
import cn.wenming.suite.Suite;

/**
 * The real objects the access probe calls its cells with, made (or found in the seed) first,
 * through the gateway, by the office's staff: a call that answers 404 proves nothing, so every path
 * parameter names an object that exists and is of the kind (and in the state) the operation acts on.
 * <ul>
 * <li>bulletin-service: the seed's series; a published back issue {@code published} that names a list
 * (what readers, recipients and distribution-service read, and what is recalled), a draft (what is
 * edited and submitted), a submitted issue (approved, returned), an approved one (published);</li>
 * <li>task-service: the seed's work plan, one of its areas and one of its tasks;</li>
 * <li>honors-service: the seed's programs and a decision document; a nominated honor (edited,
 * publicized), one being publicized with an objection (read, withdrawn, conferred, objected to), a
 * conferred one (on the public roll; reviewed, revoked);</li>
 * <li>distribution-service: two recipient bodies of the probe's own (paper delivery), a list of
 * both, the dispatch of the published issue (an admin's {@code POST /api/v1/dispatches}: its content
 * and recipients come from the issue) and its two deliveries, one per body: the first body's signed
 * for (ACKNOWLEDGED), what the cells call; the second body's SENT.</li>
 * </ul>
 * Every request goes through the gateway at the probe's {@link Pace}.
 */
final class AccessObjects {

    /** A recipient body of the probe's own: its organization, its delivery of the dispatch, its system's token. */
    record Body(String name, UUID org, String delivery, String token) {
    }

    private final Suite suite;
    private final Http http;
    private final Pace pace;
    private String admin;
    private String editor;
    private String reviewer;
    private final String tag = Long.toString(System.nanoTime(), 36);
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    String series;
    String published;
    String draft;
    String submitted;
    String approved;
    /** bulletin id → the id of its first article. */
    final Map<String, String> articles = new LinkedHashMap<>();
    String plan;
    String area;
    String task;
    String program;
    String document;
    String nominated;
    String publicized;
    String objection;
    String conferred;
    String list;
    String dispatch;
    /** A body that is neither the office nor a recipient of the probe: its staff act as readers. */
    UUID otherBody;
    final List<Body> bodies = new ArrayList<>();

    /** Objects not made yet (AccessMatrixTest fills in ids of its own). */
    AccessObjects(Suite suite, Http http, Pace pace) {
        this.suite = suite;
        this.http = http;
        this.pace = pace;
    }

    /** Finds and makes every object; an answer other than the one expected stops the access probe. */
    static AccessObjects make(Suite suite, Http http, Pace pace) {
        AccessObjects o = new AccessObjects(suite, http, pace);
        o.admin = "Bearer " + suite.token("probe-access-admin", "admin");
        o.editor = "Bearer " + suite.token("probe-access-editor", "editor");
        // another user than the editor: four eyes
        o.reviewer = "Bearer " + suite.token("probe-access-reviewer", "reviewer");
        o.distributionFirst();
        o.bulletins();
        o.dispatch();
        o.tasks();
        o.honors();
        return o;
    }

    /** A request through the gateway, paced; {@code path} starts with {@code /api/v1}. */
    Http.Answer send(String method, String path, String contentType, byte[] body, String... headers) {
        pace.await();
        return http.send(method, suite.gatewayUrl() + path, contentType, body, headers);
    }

    /**
     * An object as an admin of the office reads it, to compare before and after: its status and
     * ETag, or its whole answer where it has no ETag.
     */
    String read(String path) {
        Http.Answer a = send("GET", path, null, null, "Authorization", admin);
        http.check("access: reading " + path, a);
        return a.status() + " " + (a.header("ETag") != null ? "ETag " + a.header("ETag") : a.text());
    }

    // ---- making ------------------------------------------------------------------------------

    private void distributionFirst() {
        for (String name : List.of("甲", "乙")) {
            ObjectNode org = Http.JSON.createObjectNode().put("name", "探针收文单位" + name + "-" + tag).put("kind", "SUBORDINATE")
                    .put("channel", "PAPER");
            UUID id = UUID.fromString(must("organization " + name, post("/api/v1/organizations", org, admin), 201).path("id").asText());
            bodies.add(new Body(name, id, null, null));
        }
        ObjectNode l = Http.JSON.createObjectNode().put("name", "探针名单-" + tag).put("type", "ISSUE");
        var members = l.putArray("members");
        bodies.forEach(b -> members.add(b.org().toString()));
        list = must("distribution list", post("/api/v1/distribution-lists", l, admin), 201).path("id").asText();
        // a district office or member unit of the seed: any organization but the office and the probe's own
        for (JsonNode o : must("organizations", get("/api/v1/organizations?limit=100", admin), 200).path("items")) {
            UUID id = UUID.fromString(o.path("id").asText());
            if (!id.equals(JwtKeys.OFFICE) && bodies.stream().noneMatch(b -> b.org().equals(id))) {
                otherBody = id;
                break;
            }
        }
        require(otherBody != null, "the seed has an organization besides the office");
    }

    private void bulletins() {
        series = must("series", get("/api/v1/bulletin-series?limit=1", editor), 200).path("items").path(0).path("id").asText();
        require(!series.isEmpty(), "the seed has a series");
        // a back issue, published as it is entered, naming the probe's list: what is read and dispatched
        ObjectNode back = content("已印发的往期简报").put("issueNo", 1000 + ThreadLocalRandom.current().nextInt(8000))
                .put("cumulativeNo", 100_000 + ThreadLocalRandom.current().nextInt(800_000)).put("issueDate", "2019-06-28");
        back.putObject("distributionLists").putArray("ISSUE").add(list);
        published = idAndArticle(must("published back issue", post("/api/v1/bulletins/historical", back, admin), 201));
        draft = idAndArticle(must("draft", post("/api/v1/bulletins", content("草稿"), editor), 201));
        submitted = idAndArticle(must("issue to submit", post("/api/v1/bulletins", content("送审稿"), editor), 201));
        must("submitting it", send("POST", "/api/v1/bulletins/" + submitted + "/submit", null, null, "Authorization", editor), 200);
        approved = idAndArticle(must("issue to approve", post("/api/v1/bulletins", content("核准稿"), editor), 201));
        must("submitting it", send("POST", "/api/v1/bulletins/" + approved + "/submit", null, null, "Authorization", editor), 200);
        must("approving it", send("POST", "/api/v1/bulletins/" + approved + "/approve", null, null, "Authorization", reviewer), 200);
    }

    private ObjectNode content(String what) {
        ObjectNode b = Http.JSON.createObjectNode().put("seriesId", series);
        b.putArray("articles").addObject().put("title", "探针" + what + " " + tag).put("source", "本刊")
                .putArray("paragraphs").add("访问矩阵探针所用的" + what + "。");
        return b;
    }

    private String idAndArticle(JsonNode bulletin) {
        String id = bulletin.path("id").asText();
        articles.put(id, bulletin.path("articles").path(0).path("id").asText());
        require(!articles.get(id).isEmpty(), "the issue " + id + " answers its article");
        return id;
    }

    /** The dispatch of the published issue to the probe's two bodies, both deliveries marked SENT (paper), the first signed for. */
    private void dispatch() {
        dispatch = must("dispatch of the published issue", post("/api/v1/dispatches",
                Http.JSON.createObjectNode().put("bulletinId", published), admin), 201).path("id").asText();
        Map<UUID, String> byOrg = new LinkedHashMap<>();
        for (JsonNode d : must("its deliveries", get("/api/v1/dispatches/" + dispatch + "/deliveries?limit=100", editor), 200).path("items")) {
            byOrg.put(UUID.fromString(d.path("organizationId").asText()), d.path("id").asText());
        }
        List<Body> made = new ArrayList<>();
        for (Body b : bodies) {
            String delivery = byOrg.get(b.org());
            require(delivery != null, "the dispatch has a delivery to " + b.name());
            must("marking the paper delivery to " + b.name() + " sent",
                    send("POST", "/api/v1/deliveries/" + delivery + "/mark-sent", null, null, "Authorization", editor), 200);
            made.add(new Body(b.name(), b.org(), delivery,
                    "Bearer " + suite.tokenFor("probe-recipient-" + b.name() + "-" + tag, b.org(), "recipient")));
        }
        bodies.clear();
        bodies.addAll(made);
        // the first body signs for its delivery (签收): signing again, as the cells do, changes nothing;
        // the second body's stays SENT, so that a signature by the first body would show
        Body first = bodies.get(0);
        must("recipient " + first.name() + " signing for its delivery", send("POST", "/api/v1/deliveries/" + first.delivery()
                + "/acknowledgement", null, null, "Authorization", first.token()), 200);
    }

    private void tasks() {
        plan = must("work plans", get("/api/v1/work-plans?limit=1", editor), 200).path("items").path(0).path("id").asText();
        require(!plan.isEmpty(), "the seed has a work plan");
        JsonNode areas = must("its areas", get("/api/v1/work-plans/" + plan + "/areas", editor), 200);
        area = (areas.has("items") ? areas.path("items") : areas).path(0).path("id").asText();
        task = must("its tasks", get("/api/v1/tasks?limit=1&planId=" + plan, editor), 200).path("items").path(0).path("id").asText();
        require(!area.isEmpty() && !task.isEmpty(), "the seed's work plan has areas and tasks");
    }

    private void honors() {
        for (JsonNode p : must("programs", get("/api/v1/honor-programs?limit=100", editor), 200).path("items")) {
            if (p.path("name").asText().equals("首都道德模范")) {
                program = p.path("id").asText();
            }
        }
        require(program != null, "the seed has the program 首都道德模范");
        document = must("decision documents", get("/api/v1/decision-documents?limit=1", editor), 200)
                .path("items").path(0).path("id").asText();
        require(!document.isEmpty(), "the seed has a decision document");
        nominated = honor("提名");
        publicized = honor("公示");
        publicize(publicized, today.minusDays(1), today.plusDays(5));
        objection = must("objection", post("/api/v1/honors/" + publicized + "/objections",
                Http.JSON.createObjectNode().put("content", "探针异议 " + tag), reviewer), 201).path("id").asText();
        // conferred: publicized in the past, then conferred by a decision document dated after the window
        conferred = honor("授予");
        publicize(conferred, today.minusDays(30), today.minusDays(20));
        String by = must("decision document", post("/api/v1/decision-documents", Http.JSON.createObjectNode()
                .put("title", "探针授予决定 " + tag).put("issuedOn", today.minusDays(10).toString()).put("programId", program), editor), 201)
                .path("id").asText();
        must("conferring", post("/api/v1/honors/" + conferred + "/confer", Http.JSON.createObjectNode().put("decisionDocumentId", by),
                reviewer), 200);
        must("the conferred honor on the public roll", send("GET", "/api/v1/honor-roll/" + conferred, null, null), 200);
    }

    private String honor(String what) {
        ObjectNode honor = Http.JSON.createObjectNode().put("programId", program).put("session", 7).put("year", 2020)
                .put("category", "助人为乐").put("level", "AWARD").put("district", "朝阳区")
                .put("citation", "访问矩阵探针的事迹（" + what + "）" + tag).put("nominatedBy", "朝阳区文明办");
        honor.putObject("recipient").put("kind", "PERSON").put("name", "探针" + what + tag).put("gender", "FEMALE");
        return must("honor " + what, post("/api/v1/honors", honor, editor), 201).path("id").asText();
    }

    private void publicize(String honor, LocalDate start, LocalDate end) {
        must("publicizing", post("/api/v1/honors/" + honor + "/publicize", Http.JSON.createObjectNode()
                .put("startDate", start.toString()).put("endDate", end.toString()), editor), 200);
    }

    /** The path of {@code op} with every parameter replaced by a real object ({@link AccessPaths}). */
    String path(Api.Operation op) {
        return AccessPaths.path(this, op);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private Http.Answer get(String path, String authorization) {
        return send("GET", path, null, null, "Authorization", authorization);
    }

    private Http.Answer post(String path, JsonNode body, String authorization) {
        return send("POST", path, "application/json; charset=UTF-8", body.toString().getBytes(StandardCharsets.UTF_8),
                "Authorization", authorization);
    }

    private JsonNode must(String what, Http.Answer a, int status) {
        http.check("access setup: " + what, a);
        if (a.status() != status) {
            throw new IllegalStateException("access setup: " + what + " answered " + a.status() + " " + Http.abbreviate(a.text()));
        }
        return a.json();
    }

    private static void require(boolean held, String what) {
        if (!held) {
            throw new IllegalStateException("access setup: " + what + " is not so");
        }
    }
}
