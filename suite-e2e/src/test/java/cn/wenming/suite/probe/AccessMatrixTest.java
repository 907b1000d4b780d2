package cn.wenming.suite.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.AccessMatrix.Recipient;
import cn.wenming.suite.probe.AccessMatrix.Rule;
import cn.wenming.suite.probe.Report.Count;

/**
 * The access matrix against the committed OpenAPI documents, offline: every operation has its
 * rule, each column of a rule says what the document's scopes say, an operation without a rule (a
 * new endpoint) or a rule that says otherwise fails, and the probe knows how to call every operation
 * with real objects without changing them. (ProbeTest checks the same against the served documents,
 * and calls every cell through the gateway.)
 */
class AccessMatrixTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static List<Api.Operation> committedOperations() throws Exception {
        List<Api.Operation> ops = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            ops.addAll(Api.operations(service, Http.JSON.readTree(OpenApiCheck.committed(ROOT, service).toFile())));
        }
        return ops;
    }

    private static Api.Operation operation(String key) throws Exception {
        return committedOperations().stream().filter(op -> op.key().equals(key)).findFirst().orElseThrow();
    }

    private static Report check(Map<String, Rule> rules) throws Exception {
        Report report = new Report();
        new AccessProbe(null, new Http(report)).checkAgainstDocuments(committedOperations(), rules);
        return report;
    }

    @Test
    void everyOperationOfTheCommittedDocumentsHasItsRule() throws Exception {
        Report report = new Report();
        List<Api.Operation> ops = committedOperations();
        var rules = AccessMatrix.loadMatrix();
        List<Api.Operation> ruled = new AccessProbe(null, new Http(report)).checkAgainstDocuments(ops, rules);
        assertTrue(report.passed(), report.summary());
        assertEquals(ops.size(), ruled.size());
        assertEquals(rules.size(), ops.size(), "one rule per operation");
        assertTrue(ops.size() > 90, "the four documents were read: " + ops.size());
    }

    @Test
    void aNewEndpointWithoutARuleFailsAndSaysWhatTheDocumentAllows() throws Exception {
        ObjectNode doc = (ObjectNode) Http.JSON.readTree(OpenApiCheck.committed(ROOT, "task-service").toFile());
        ObjectNode secured = Http.JSON.createObjectNode();
        secured.putArray("security").addObject().putArray("bearer").add("admin");
        ((ObjectNode) doc.get("paths")).putObject("/api/v1/tasks/{id}/archive").set("post", secured);
        Report report = new Report();
        new AccessProbe(null, new Http(report)).checkAgainstDocuments(Api.operations("task-service", doc), AccessMatrix.loadMatrix());
        assertTrue(report.failures().stream().anyMatch(f -> f.contains("no rule for task-service POST /api/v1/tasks/{id}/archive")
                && f.contains("admin - - -")), report.summary());
        assertTrue(report.get(Count.MATRIX_FAILED) > 0);
    }

    @Test
    void aPublicRuleForASecuredOperationFails() throws Exception {
        var rules = new LinkedHashMap<>(AccessMatrix.loadMatrix());
        String key = "honors-service GET /api/v1/honor-roll";
        rules.put(key, new Rule(key, false, Set.of("reader"), Set.of(), Recipient.NO, Set.of()));
        Report report = check(rules);
        assertTrue(report.failures().stream().anyMatch(f -> f.contains(key) && f.contains("needs none")), report.summary());
    }

    @Test
    void eachColumnThatSaysOtherwiseThanTheScopesFailsByName() throws Exception {
        String key = "bulletin-service GET /api/v1/bulletins/{id}";
        Rule right = AccessMatrix.loadMatrix().get(key);
        assertEquals(new Rule(key, false, Set.copyOf(AccessMatrix.STAFF), Set.copyOf(AccessMatrix.STAFF), Recipient.YES,
                Set.of("distribution-service")), right, "the committed rule");
        Map<String, Rule> wrong = Map.of(
                "office", new Rule(key, false, Set.of("editor"), right.otherBody(), right.recipient(), right.services()),
                "other body", new Rule(key, false, right.office(), Set.of(), right.recipient(), right.services()),
                "recipient", new Rule(key, false, right.office(), right.otherBody(), Recipient.NO, right.services()),
                "services", new Rule(key, false, right.office(), right.otherBody(), right.recipient(), Set.of("task-service")));
        for (var e : wrong.entrySet()) {
            var rules = new LinkedHashMap<>(AccessMatrix.loadMatrix());
            rules.put(key, e.getValue());
            Report report = check(rules);
            assertEquals(1, report.failures().size(), report.summary());
            assertTrue(report.failures().get(0).contains(key + ": the column " + e.getKey() + " says"), report.summary());
        }
    }

    @Test
    void ownIsARecipientColumnTheDocumentAllowsAsAScope() throws Exception {
        String key = "distribution-service GET /api/v1/deliveries/{id}";
        assertEquals(Recipient.OWN, AccessMatrix.loadMatrix().get(key).recipient());
        assertEquals(Recipient.YES, AccessMatrix.documented(operation(key), new ArrayList<>()).recipient());
    }

    @Test
    void theDocumentsScopesBecomeTheColumns() throws Exception {
        List<String> unknown = new ArrayList<>();
        Rule tasks = AccessMatrix.documented(operation("task-service GET /api/v1/tasks/{id}"), unknown);
        assertEquals(Set.copyOf(AccessMatrix.STAFF), tasks.office());
        assertEquals(Set.copyOf(AccessMatrix.STAFF), tasks.otherBody(), "another body's staff act as reader");
        assertEquals(Recipient.NO, tasks.recipient());
        assertEquals(Set.of("bulletin-service"), tasks.services());
        Rule dispatch = AccessMatrix.documented(operation("distribution-service POST /api/v1/dispatches"), unknown);
        assertEquals(Set.of("admin"), dispatch.office());
        assertEquals(Set.of(), dispatch.otherBody(), "no reader, so no other body");
        assertEquals(Set.of("bulletin-service"), dispatch.services());
        assertTrue(unknown.isEmpty(), unknown.toString());
        assertEquals("admin\t-\t-\tbulletin-service", dispatch.cells());
    }

    @Test
    void theMatrixFormatIsStrict() {
        String head = "task-service\tGET\t/api/v1/tasks\t";
        assertEquals(new Rule("task-service GET /api/v1/tasks", false, Set.of("reader", "admin"), Set.copyOf(AccessMatrix.STAFF),
                Recipient.OWN, Set.of("bulletin-service", "honors-service")),
                AccessMatrix.parse(head + "reader,admin\tall\town\tbulletin-service,honors-service\n").get("task-service GET /api/v1/tasks"));
        assertTrue(AccessMatrix.parse("# a comment\n\n" + head + "public\n").get("task-service GET /api/v1/tasks").isPublic());
        for (String broken : List.of(head + "reader,editor", head + "reader\t-\t-", head + "superuser\t-\t-\t-", head + "reader\t-\tmaybe\t-",
                head + "reader\t-\t-\tmail-service", head + "reader\t-\t-\t-\n" + head + "admin\t-\t-\t-")) {
            assertThrows(IllegalStateException.class, () -> AccessMatrix.parse(broken), broken);
        }
    }

    /**
     * Every operation can be called with real objects and without changing anything: each path
     * parameter has its object, a read is a plain read, a change that honours If-Match gets a stale
     * one (with the document's example as its body, so that the If-Match is what refuses it), a
     * creation an empty body, and any other change is one the probe knows to be harmless.
     */
    @Test
    void theProbeKnowsHowToCallEveryOperationHarmlessly() throws Exception {
        AccessObjects objects = new AccessObjects(null, null, null);
        objects.series = "s";
        objects.published = "published";
        objects.draft = "draft";
        objects.submitted = "submitted";
        objects.approved = "approved";
        for (String b : List.of("published", "draft", "submitted", "approved")) {
            objects.articles.put(b, b + "-article");
        }
        objects.plan = "p";
        objects.area = "a";
        objects.task = "t";
        objects.program = "pr";
        objects.document = "d";
        objects.nominated = "nominated";
        objects.publicized = "publicized";
        objects.objection = "o";
        objects.conferred = "conferred";
        objects.list = "l";
        objects.dispatch = "x";
        objects.bodies.add(new AccessObjects.Body("甲", UUID.randomUUID(), "delivery", "token"));
        for (Api.Operation op : committedOperations()) {
            AccessCalls.Call call = AccessCalls.call(op, objects);
            assertFalse(call.path().contains("{"), op.key() + " → " + call.path());
            if (op.method().equals("get")) {
                assertEquals(200, call.allowed(), op.key());
                assertTrue(call.objects().isEmpty(), op.key());
            } else if (call.ifMatch() != null) {
                assertEquals(412, call.allowed(), op.key());
                assertEquals(!op.bodies().isEmpty(), call.body() != null && call.body().length > 0, op.key() + " sends its example");
            } else if (call.allowed() == 400) {
                assertNotNull(call.contentType(), op.key());
                assertEquals(0, call.body().length, op.key() + ": an empty body");
            } else {
                assertEquals(AccessCalls.TRIGGERS.get(op.key()), call.allowed(), op.key());
            }
        }
        assertEquals("/api/v1/bulletins/search?q=" + java.net.URLEncoder.encode("背街小巷", java.nio.charset.StandardCharsets.UTF_8),
                AccessCalls.call(operation("bulletin-service GET /api/v1/bulletins/search"), objects).path(), "its required q, as documented");
        assertEquals("/api/v1/bulletins/submitted/approve", AccessCalls.call(operation("bulletin-service POST /api/v1/bulletins/{id}/approve"),
                objects).path(), "approved: the submitted issue");
        assertEquals("/api/v1/bulletins/draft/articles/draft-article", AccessCalls.call(
                operation("bulletin-service PUT /api/v1/bulletins/{id}/articles/{articleId}"), objects).path());
        assertEquals("/api/v1/bulletins/published/articles/published-article", AccessCalls.call(
                operation("bulletin-service GET /api/v1/bulletins/{id}/articles/{articleId}"), objects).path(), "read: the published issue");
        assertEquals("/api/v1/honors/publicized/objections/o/resolve", AccessCalls.call(
                operation("honors-service POST /api/v1/honors/{id}/objections/{objectionId}/resolve"), objects).path());
        assertEquals("/api/v1/honors/conferred/revoke", AccessCalls.call(operation("honors-service POST /api/v1/honors/{id}/revoke"), objects).path());
        assertEquals(List.of("/api/v1/work-plans/p", "/api/v1/work-plans/p/areas/a"),
                AccessCalls.call(operation("task-service PUT /api/v1/work-plans/{id}/areas/{areaId}"), objects).objects(), "the objects to watch");
    }

    @Test
    void anOperationOnAnObjectTheProbeDoesNotMakeCannotBeCalled() throws Exception {
        ObjectNode doc = (ObjectNode) Http.JSON.readTree(OpenApiCheck.committed(ROOT, "task-service").toFile());
        ObjectNode get = Http.JSON.createObjectNode();
        ((ObjectNode) doc.get("paths")).putObject("/api/v1/meetings/{id}").set("get", get);
        Api.Operation op = Api.operations("task-service", doc).stream().filter(o -> o.path().equals("/api/v1/meetings/{id}")).findFirst()
                .orElseThrow();
        var e = assertThrows(IllegalStateException.class, () -> AccessCalls.call(op, new AccessObjects(null, null, null)));
        assertTrue(e.getMessage().contains("no real object for {id}"), e.getMessage());
    }
}
