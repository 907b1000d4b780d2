package cn.wenming.suite.probe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * A reader never sees a draft or an objection, by any path: by id, in a list, in a search, in a
 * rendering, by guessing sub-resource ids; nor does the public honor roll show an honor that is
 * only being publicized, or its objection.
 */
final class VisibilityProbe {

    private final Suite suite;
    private final Http http;
    private final Report report;
    private final String editor;
    private final String reviewer;
    private final String reader;

    VisibilityProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
        this.editor = "Bearer " + suite.token("probe-editor-" + UUID.randomUUID(), "editor");
        this.reviewer = "Bearer " + suite.token("probe-reviewer-" + UUID.randomUUID(), "reviewer");
        this.reader = "Bearer " + suite.token("probe-reader", "reader");
    }

    void run() {
        drafts();
        objections();
    }

    private void drafts() {
        String bulletin = suite.serviceUrl("bulletin-service") + "/api/v1";
        String seriesId = must("series", http.get(bulletin + "/bulletin-series?limit=1", "Authorization", editor), 200)
                .path("items").path(0).path("id").asText();
        String marker = "探针草稿" + Long.toString(System.nanoTime(), 36);
        ObjectNode draft = Http.JSON.createObjectNode().put("seriesId", seriesId);
        draft.putArray("articles").addObject().put("title", "不应被读者看到的草稿 " + marker).put("source", "本刊")
                .putArray("paragraphs").add("草稿正文 " + marker);
        JsonNode created = must("draft bulletin", http.json("POST", bulletin + "/bulletins", draft.toString(), "Authorization", editor), 201);
        String id = created.path("id").asText();
        String articleId = must("its articles", http.get(bulletin + "/bulletins/" + id + "/articles", "Authorization", editor), 200)
                .path(0).path("id").asText();
        hidden("DRAFT", bulletin, id, articleId, marker);
        must("submitting it", http.send("POST", bulletin + "/bulletins/" + id + "/submit", null, null, "Authorization", editor), 200);
        hidden("SUBMITTED", bulletin, id, articleId, marker);
        must("approving it", http.send("POST", bulletin + "/bulletins/" + id + "/approve", null, null, "Authorization", reviewer), 200);
        hidden("APPROVED", bulletin, id, articleId, marker);
    }

    private void hidden(String state, String bulletin, String id, String articleId, String marker) {
        String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        for (String path : List.of("/bulletins/" + id, "/bulletins/" + id + "/articles", "/bulletins/" + id + "/articles/" + articleId,
                "/bulletins/" + id + "/render", "/bulletins/" + id + "/render?format=text", "/bulletins/" + id + "/render?format=html",
                "/bulletins/" + id + "/revisions")) {
            Http.Answer a = http.get(bulletin + path, "Authorization", reader);
            http.check("reader GET " + path, a);
            check(a.status() == 404 || a.status() == 403, "a reader reads a " + state + " bulletin at GET " + path + ": " + a.status());
            check(!a.text().contains(marker), "a reader sees the text of a " + state + " bulletin at GET " + path);
        }
        for (String path : List.of("/bulletins?limit=100", "/bulletins?limit=100&status=" + state, "/bulletins/search?q=" + q,
                "/bulletins/search?q=" + q + "&status=" + state, "/bulletins/search?limit=100&q=" + URLEncoder.encode("探针草稿", StandardCharsets.UTF_8))) {
            Http.Answer a = http.get(bulletin + path, "Authorization", reader);
            http.check("reader GET " + path, a);
            check(a.status() == 200 || a.status() == 400 || a.status() == 403, "a reader's GET " + path + " answered " + a.status());
            check(!a.text().contains(id) && !a.text().contains(marker), "a reader finds a " + state + " bulletin in GET " + path);
        }
        // the same search as an editor finds it: the reader's search was not simply blind
        Http.Answer editors = http.get(bulletin + "/bulletins/search?q=" + q, "Authorization", editor);
        http.check("editor search", editors);
        check(editors.status() == 200 && editors.text().contains(id), "an editor's search does not find the " + state
                + " bulletin, so the reader's search proves nothing: " + editors.status() + " " + Http.abbreviate(editors.text()));
    }

    private void objections() {
        String honors = suite.serviceUrl("honors-service") + "/api/v1";
        JsonNode programs = must("programs", http.get(honors + "/honor-programs?limit=100", "Authorization", editor), 200).path("items");
        String programId = null;
        for (JsonNode p : programs) {
            if (p.path("name").asText().equals("首都道德模范")) {
                programId = p.path("id").asText();
            }
        }
        check(programId != null, "the seed's program 首都道德模范 is there");
        if (programId == null) {
            return;
        }
        String marker = "探针异议" + Long.toString(System.nanoTime(), 36);
        ObjectNode honor = Http.JSON.createObjectNode().put("programId", programId).put("session", 7).put("year", 2020)
                .put("category", "助人为乐").put("level", "AWARD").put("district", "朝阳区")
                .put("citation", "探针用的事迹 " + marker).put("nominatedBy", "朝阳区文明办");
        honor.putObject("recipient").put("kind", "PERSON").put("name", "探针" + marker).put("gender", "FEMALE");
        String id = must("honor", http.json("POST", honors + "/honors", honor.toString(), "Authorization", editor), 201).path("id").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        must("publicizing it", http.json("POST", honors + "/honors/" + id + "/publicize",
                "{\"startDate\":\"" + today.minusDays(1) + "\",\"endDate\":\"" + today.plusDays(5) + "\"}", "Authorization", editor), 200);
        String objectionId = must("objection", http.json("POST", honors + "/honors/" + id + "/objections",
                "{\"content\":\"异议内容 " + marker + "\"}", "Authorization", reviewer), 201).path("id").asText();
        for (String path : List.of("/honors/" + id, "/honors/" + id + "/objections", "/honors/" + id + "/objections/" + objectionId,
                "/honors/" + id + "/history", "/honors?limit=100")) {
            Http.Answer a = http.get(honors + path, "Authorization", reader);
            http.check("reader GET " + path, a);
            check(a.status() == 403 || a.status() == 404, "a reader reads GET " + path + ": " + a.status());
            check(!a.text().contains(marker), "a reader sees an objection or a publicized honor at GET " + path);
        }
        for (String token : new String[] { null, reader }) {
            for (String path : List.of("/honor-roll/" + id, "/honor-roll?limit=100", "/honor-roll?limit=100&year=2020",
                    "/honor-roll/summary")) {
                Http.Answer a = http.get(honors + path, "Authorization", token);
                http.check("public GET " + path, a);
                check(a.status() == 200 || a.status() == 404, "the public GET " + path + " answered " + a.status());
                // a 404 names the path it did not find (which holds the id): only the honor's own text counts there
                check(!a.text().contains(marker) && (a.status() == 404 || !a.text().contains(id)),
                        "the public honor roll shows a publicized honor or its objection at GET " + path);
            }
        }
    }

    private JsonNode must(String what, Http.Answer a, int status) {
        http.check("visibility setup: " + what, a);
        if (a.status() != status) {
            throw new IllegalStateException("visibility setup: " + what + " answered " + a.status() + " " + Http.abbreviate(a.text()));
        }
        return a.json();
    }

    private void check(boolean held, String failure) {
        report.inc(Count.VISIBILITY_CHECKS);
        if (!held) {
            report.fail(Count.MATRIX_FAILED, failure);
        }
    }
}
