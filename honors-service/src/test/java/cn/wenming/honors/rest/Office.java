package cn.wenming.honors.rest;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The honors office in tests: people with roles, a program of its own (so filters see only this
 * test's honors), and the steps of the lifecycle. Dates are reckoned from today in Asia/Shanghai,
 * as the service reckons them.
 */
final class Office {

    static final String HONORS = "/api/v1/honors";
    static final String DOCUMENTS = "/api/v1/decision-documents";
    static final String ROLL = "/api/v1/honor-roll";
    static final List<String> MORAL_MODEL_CATEGORIES = List.of("助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲");

    final String editor = TestTokens.bearer("编辑-" + UUID.randomUUID(), Roles.EDITOR);
    final String reviewer = TestTokens.bearer("审核-" + UUID.randomUUID(), Roles.REVIEWER);
    final String admin = TestTokens.bearer("admin-" + UUID.randomUUID(), Roles.ADMIN);
    final String reader = TestTokens.bearer("reader-" + UUID.randomUUID(), Roles.READER);
    final String service = TestTokens.serviceBearer("bulletin-service");

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON.withCharset("UTF-8"));
    }

    // ---- programs ----------------------------------------------------------------------------

    /** A program like 首都道德模范: persons, by session, five categories, AWARD and 提名奖. */
    String moralModelProgram() {
        return program(Map.of("name", unique("测试道德模范"), "recipientKind", "PERSON", "periodKind", "SESSION",
                "categories", MORAL_MODEL_CATEGORIES, "levels", List.of("AWARD", "NOMINATION")));
    }

    /** A program like 文明单位: any body, by year, no categories, held for three years. */
    String unitTitleProgram() {
        return program(Map.of("name", unique("测试文明单位"), "recipientKind", "UNIT", "periodKind", "YEAR",
                "categories", List.of(), "termYears", 3));
    }

    String program(Map<String, Object> body) {
        return as(admin).body(body).post("/api/v1/honor-programs").then().statusCode(201).extract().path("id");
    }

    // ---- nominations -------------------------------------------------------------------------

    /** A 第七届 nomination of a person (unique name) in 朝阳区, category 助人为乐. */
    static Map<String, Object> person(String programId) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("kind", "PERSON");
        recipient.put("name", unique("张秀英"));
        recipient.put("gender", "FEMALE");
        recipient.put("workUnit", "朝阳区和平街街道樱花园社区居委会");
        Map<String, Object> body = new HashMap<>();
        body.put("programId", programId);
        body.put("session", 7);
        body.put("year", 2020);
        body.put("category", "助人为乐");
        body.put("recipient", recipient);
        body.put("district", "朝阳区");
        body.put("citation", "十余年如一日照料社区孤寡老人，组建志愿服务队，带动两百余名居民参与邻里互助。");
        body.put("nominatedBy", "朝阳区文明办");
        body.put("contact", "010-" + (10_000_000 + (int) (Math.random() * 89_999_999)));
        return body;
    }

    /** A 2020 nomination of a unit (unique name) in 西城区. */
    static Map<String, Object> unit(String programId) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("kind", "UNIT");
        recipient.put("name", unique("公交第一客运分公司"));
        Map<String, Object> body = new HashMap<>();
        body.put("programId", programId);
        body.put("year", 2020);
        body.put("recipient", recipient);
        body.put("district", "西城区");
        body.put("citation", "坚持“车厢就是窗口”，常态化开展文明乘车引导。");
        body.put("contact", "联系人 王先生 010-66000000");
        return body;
    }

    Response nominate(Map<String, Object> body) {
        return as(editor).body(body).post(HONORS);
    }

    String nominated(Map<String, Object> body) {
        return nominate(body).then().statusCode(201).extract().path("id");
    }

    Response get(String id) {
        return as(editor).get(HONORS + "/" + id);
    }

    Response step(String token, String id, String action, Object body) {
        var request = as(token);
        if (body != null) {
            request.body(body);
        }
        return request.post(HONORS + "/" + id + "/" + action);
    }

    static Map<String, Object> window(LocalDate start, LocalDate end) {
        return Map.of("startDate", start.toString(), "endDate", end.toString());
    }

    Response publicize(String id, LocalDate start, LocalDate end) {
        return step(editor, id, "publicize", window(start, end));
    }

    /** Nominated and publicized from {@code start} to {@code end}. */
    String publicized(Map<String, Object> body, LocalDate start, LocalDate end) {
        String id = nominated(body);
        publicize(id, start, end).then().statusCode(200);
        return id;
    }

    /** Publicized from 10 to 5 days ago and conferred by a document dated today. */
    String conferred(Map<String, Object> body) {
        return conferred(body, today());
    }

    /** Publicized until 5 days before {@code on} and conferred by a document dated {@code on}. */
    String conferred(Map<String, Object> body, LocalDate on) {
        String id = publicized(body, on.minusDays(10), on.minusDays(5));
        step(reviewer, id, "confer", Map.of("decisionDocumentId", document(on, null))).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CONFERRED"));
        return id;
    }

    Response confer(String id, String documentId) {
        return step(reviewer, id, "confer", Map.of("decisionDocumentId", documentId));
    }

    // ---- documents ---------------------------------------------------------------------------

    static Map<String, Object> documentBody(LocalDate issuedOn, String programId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", unique("关于表彰第七届首都道德模范的决定"));
        body.put("issuedOn", issuedOn.toString());
        body.put("issuer", "首都精神文明建设委员会");
        if (programId != null) {
            body.put("programId", programId);
        }
        return body;
    }

    String document(LocalDate issuedOn, String programId) {
        return as(admin).body(documentBody(issuedOn, programId)).post(DOCUMENTS).then().statusCode(201).extract().path("id");
    }

    Response documentStep(String token, String id, String action, Object body) {
        var request = as(token);
        if (body != null) {
            request.body(body);
        }
        return request.post(DOCUMENTS + "/" + id + "/" + action);
    }

    // ---- the roll ----------------------------------------------------------------------------

    /** Every id on the roll under these query parameters, through all pages, with no token. */
    static List<String> rollIds(Map<String, ?> query) {
        return everyItem(null, ROLL, query).stream().map(item -> (String) item.get("id")).toList();
    }

    /**
     * Every item of a list under these query parameters, through all pages ({@code limit} 100
     * unless the query sets one); {@code token} null for none.
     */
    static List<Map<String, Object>> everyItem(String token, String path, Map<String, ?> query) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParams(query);
            if (token != null) {
                request.header("Authorization", token);
            }
            if (!query.containsKey("limit")) {
                request.queryParam("limit", 100);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path);
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return all;
    }

    /** Sends {@code n} requests at the same moment; their status codes. */
    static List<Integer> race(int n, Callable<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
