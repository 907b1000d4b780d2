package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * GET /api/v1/bulletins/search. Every test makes its own series and searches within it
 * ({@code seriesId}), so the other tests' issues never show up.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SearchTest {

    static final String SEARCH = "/api/v1/bulletins/search";
    static final String SEED = "../../shared/seed/bulletin-2020-17.txt";
    static final String TITLE_1 = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开";
    static final String TITLE_2 = "2020年首都精神文明建设工作 聚焦四个方面 23项重点任务";

    private final AtomicInteger numbers = new AtomicInteger();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // ---- the seed issue --------------------------------------------------------------------------

    @Test
    void theSeedsWordsFindItsArticles() throws IOException {
        Desk d = new Desk();
        String series = d.newSeries();
        List<List<String>> paragraphs = seedParagraphs();
        String issue = historical(d, series, LocalDate.of(2020, 4, 24),
                Map.of("title", TITLE_1, "source", "本刊", "paragraphs", paragraphs.get(0)),
                Map.of("title", TITLE_2, "source", "本刊", "paragraphs", paragraphs.get(1)));

        // the first article has the word in its title, so it ranks first; the second has it in a paragraph
        Response first = search(d.reader, series, "背街小巷");
        first.then().statusCode(200).body("items", hasSize(2)).body("nextCursor", nullValue())
                .body("items.seq", equalTo(List.of(1, 2)))
                .body("items.titleMatch", equalTo(List.of(true, false)))
                .body("items[1].snippet", containsString("(7)深化<em>背街小巷</em>文明创建"))
                .body("items[0].bulletinId", equalTo(issue))
                .body("items[0].seriesId", equalTo(series))
                .body("items[0].status", equalTo("PUBLISHED"))
                .body("items[0].label", equalTo("2020年第1期（总第1期）"))
                .body("items[0].year", equalTo(2020))
                .body("items[0].issueNo", equalTo(1))
                .body("items[0].cumulativeNo", equalTo(1))
                .body("items[0].issueDate", equalTo("2020-04-24"))
                .body("items[0].seq", equalTo(1))
                .body("items[0].title", equalTo(TITLE_1))
                .body("items[0].titleMatch", equalTo(true))
                .body("items[0].titleHighlight", equalTo("首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会召开"))
                .body("items[0].snippet", containsString("召开首都精神文明建设工作暨<em>背街小巷</em>环境精细化整治提升动员部署大会"));
        String articleId = first.path("items[0].articleId");
        Desk.as(d.reader).get(Desk.BULLETINS + "/" + issue).then().body("articles[0].id", equalTo(articleId));

        // both articles, neither in its title; one issue, so the article id orders them
        Response both = search(d.reader, series, "道德模范");
        both.then().statusCode(200).body("items", hasSize(2))
                .body("items.seq", containsInAnyOrder(1, 2))
                .body("items.titleMatch", equalTo(List.of(false, false)))
                .body("items.find { it.seq == 1 }.snippet", containsString("第七届首都<em>道德模范</em>的决定"))
                .body("items.find { it.seq == 2 }.snippet", containsString("以<em>道德模范</em>评选引领最好道德风尚"));
        // a two-character word, and a single character (蔡奇 is only in the first article)
        search(d.reader, series, "文明").then().statusCode(200).body("items", hasSize(2))
                .body("items.titleMatch", equalTo(List.of(true, true)));
        search(d.reader, series, "奇").then().statusCode(200).body("items", hasSize(1)).body("items[0].seq", equalTo(1))
                .body("items[0].snippet", containsString("蔡<em>奇</em>同志"));
        // words apart must both occur; the characters of a word must stand together
        search(d.reader, series, "斑马线 冬奥").then().statusCode(200).body("items", hasSize(1)).body("items[0].seq", equalTo(2));
        search(d.reader, series, "小巷背街").then().statusCode(200).body("items", hasSize(0));
        search(d.reader, series, "23项重点任务").then().statusCode(200).body("items", hasSize(1)).body("items[0].seq", equalTo(2));
        // full-width letters and digits are their ASCII selves
        search(d.reader, series, "２０２０年").then().statusCode(200).body("items.seq", hasItem(2));
    }

    // ---- ranking ---------------------------------------------------------------------------------

    @Test
    void aTitleHitRanksAboveHitsInTheParagraphsOnlyThenTheNewestIssueFirst() {
        Desk d = new Desk();
        String series = d.newSeries();
        String oldInTitle = historical(d, series, LocalDate.of(2018, 3, 1),
                Desk.article("礼让斑马线专项行动推进会召开", "各区交通文明引导员上岗。"));
        String newInBody = historical(d, series, LocalDate.of(2021, 6, 1),
                Desk.article("公共文明引导行动深入开展", "紧抓“礼让斑马线专项行动”,构建和谐顺畅的交通环境。"));
        String middleInBody = historical(d, series, LocalDate.of(2019, 9, 1),
                Desk.article("首都文明交通工作会议召开", "会议要求持续开展礼让斑马线活动。"));
        historical(d, series, LocalDate.of(2022, 1, 1), Desk.article("无关的文章", "与检索词无关的内容。"));

        search(d.reader, series, "斑马线").then().statusCode(200)
                .body("items.bulletinId", equalTo(List.of(oldInTitle, newInBody, middleInBody)))
                .body("items.titleMatch", equalTo(List.of(true, false, false)));
    }

    // ---- snippets --------------------------------------------------------------------------------

    @Test
    void theSnippetMarksTheWordsAndEscapesEverythingElse() {
        Desk d = new Desk();
        String series = d.newSeries();
        String lead = "这是一段很长的开头，用来把命中的词推到第三十个字以后，好看出片段从哪里截取。".repeat(2);
        historical(d, series, LocalDate.of(2020, 5, 8),
                Desk.article("<b>标题</b> & 守望相助",
                        "第一段没有要找的词。",
                        lead + "<script>alert(\"x\")</script> 弘扬守望相助 & 'q' 的社会公德" + "，后文还有很多字。".repeat(20)));

        Response r = search(d.reader, series, "守望相助");
        r.then().statusCode(200).body("items", hasSize(1))
                .body("items[0].title", equalTo("<b>标题</b> & 守望相助"))
                .body("items[0].titleHighlight", equalTo("&lt;b&gt;标题&lt;/b&gt; &amp; <em>守望相助</em>"));
        String snippet = r.path("items[0].snippet");
        assertTrue(snippet.startsWith("…"), "cut before the hit: " + snippet);
        assertTrue(snippet.endsWith("…"), "cut after: " + snippet);
        assertTrue(snippet.contains("alert(&quot;x&quot;)&lt;/script&gt; 弘扬<em>守望相助</em> &amp; &#39;q&#39; 的社会公德"), snippet);
        assertFalse(snippet.contains("<script"), snippet);
        String withoutMarks = snippet.replace("<em>", "").replace("</em>", "");
        assertFalse(withoutMarks.contains("<") || withoutMarks.contains(">") || withoutMarks.contains("\""), "only <em> is markup: " + snippet);
        assertTrue(snippet.length() < 200, "a snippet is short: " + snippet.length());

        // a title-only hit shows the start of the first paragraph
        search(d.reader, series, "标题").then().statusCode(200).body("items[0].snippet", equalTo("第一段没有要找的词。"));
        // the query is never echoed unescaped
        search(d.reader, series, "<script>守望相助").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].snippet", not(containsString("<script>")));
    }

    // ---- who finds what --------------------------------------------------------------------------

    @Test
    void readersFindPublishedIssuesOnlyStaffFindDraftsToo() {
        Desk d = new Desk();
        String series = d.newSeries();
        String published = historical(d, series, LocalDate.of(2020, 4, 24), Desk.article("垃圾分类宣传周启动", "垃圾分类从我做起。"));
        Map<String, Object> body = Desk.draft(series, LocalDate.of(2020, 5, 1), "梅雪峰");
        body.put("articles", List.of(Desk.article("垃圾分类进社区", "草稿里的垃圾分类。")));
        String draft = Desk.as(d.editor).body(body).post(Desk.BULLETINS).then().statusCode(201).extract().path("id");

        search(d.reader, series, "垃圾分类").then().statusCode(200).body("items.bulletinId", equalTo(List.of(published)));
        search(d.reader, series, "垃圾分类", Map.of("status", "DRAFT")).then().statusCode(200).body("items", hasSize(0));
        search(d.editor, series, "垃圾分类").then().statusCode(200).body("items.bulletinId", equalTo(List.of(draft, published)))
                .body("items[0].status", equalTo("DRAFT")).body("items[0].label", nullValue());
        search(d.editor, series, "垃圾分类", Map.of("status", "DRAFT")).then().statusCode(200).body("items.bulletinId", equalTo(List.of(draft)));
        for (String role : List.of("reviewer", "admin")) {
            search(TestTokens.bearer(role + "-user", role), series, "垃圾分类").then().statusCode(200).body("items", hasSize(2));
        }
        // a recipient body's system and another body's editor read published content only
        for (String token : List.of(TestTokens.recipient(java.util.UUID.randomUUID()),
                TestTokens.bearerForBody("朝阳区编辑", java.util.UUID.randomUUID(), "editor"))) {
            search(token, series, "垃圾分类").then().statusCode(200).body("items.bulletinId", equalTo(List.of(published)));
            search(token, series, "垃圾分类", Map.of("status", "DRAFT")).then().statusCode(200).body("items", hasSize(0));
        }
        assertProblem(RestAssured.given().queryParam("q", "垃圾分类").get(SEARCH).then(), 401, "unauthenticated");
    }

    @Test
    void editingADraftChangesWhatIsFound() {
        Desk d = new Desk();
        String series = d.newSeries();
        Map<String, Object> body = Desk.draft(series, LocalDate.of(2020, 5, 1), "梅雪峰");
        body.put("articles", List.of(Desk.article("志愿服务站揭牌", "学雷锋志愿服务站在东城区揭牌。")));
        Response created = Desk.as(d.editor).body(body).post(Desk.BULLETINS);
        String id = created.then().statusCode(201).extract().path("id");
        search(d.editor, series, "学雷锋").then().body("items", hasSize(1));

        body.put("articles", List.of(Desk.article("志愿服务站揭牌", "文明引导员在西城区上岗。")));
        Desk.as(d.editor).header("If-Match", created.header("ETag")).body(body).put(Desk.BULLETINS + "/" + id).then().statusCode(200);
        search(d.editor, series, "学雷锋").then().body("items", hasSize(0));
        search(d.editor, series, "文明引导员").then().body("items", hasSize(1));
    }

    // ---- filters ---------------------------------------------------------------------------------

    @Test
    void theListsFiltersNarrowTheHits() {
        Desk d = new Desk();
        String series = d.newSeries();
        String other = d.newSeries();
        String in2019 = historical(d, series, LocalDate.of(2019, 12, 30), Desk.article("文明家庭创建", "评选文明家庭。"));
        String in2020 = historical(d, series, LocalDate.of(2020, 1, 2), Desk.article("文明家庭表彰", "表彰文明家庭。"));
        String elsewhere = historical(d, other, LocalDate.of(2020, 1, 2), Desk.article("文明家庭表彰", "表彰文明家庭。"));

        search(d.reader, series, "文明家庭").then().body("items.bulletinId", equalTo(List.of(in2020, in2019)));
        search(d.reader, other, "文明家庭").then().body("items.bulletinId", equalTo(List.of(elsewhere)));
        search(d.reader, series, "文明家庭", Map.of("year", "2019")).then().body("items.bulletinId", equalTo(List.of(in2019)));
        search(d.reader, series, "文明家庭", Map.of("from", "2020-01-01")).then().body("items.bulletinId", equalTo(List.of(in2020)));
        search(d.reader, series, "文明家庭", Map.of("to", "2019-12-31")).then().body("items.bulletinId", equalTo(List.of(in2019)));
        search(d.reader, series, "文明家庭", Map.of("from", "2019-12-30", "to", "2020-01-02", "status", "PUBLISHED"))
                .then().body("items", hasSize(2));
        search(d.reader, series, "文明家庭", Map.of("from", "2019-12-31", "to", "2020-01-01")).then().body("items", hasSize(0));

        for (var bad : List.of(Map.of("seriesId", "not-a-uuid"), Map.of("year", "二〇二〇"), Map.of("status", "LOST"),
                Map.of("from", "2020-13-01"), Map.of("to", "yesterday"))) {
            String field = bad.keySet().iterator().next();
            var request = Desk.as(d.reader).queryParam("q", "文明家庭");
            bad.forEach(request::queryParam);
            assertProblem(request.get(SEARCH).then(), 400, "validation").body("errors.field", hasItem(field));
        }
    }

    // ---- paging ----------------------------------------------------------------------------------

    @Test
    void pagesFollowTheRankWithNoHitTwiceAndNoneLeftOut() {
        Desk d = new Desk();
        String series = d.newSeries();
        LocalDate day = LocalDate.of(2020, 6, 1);
        for (int i = 0; i < 5; i++) {
            // three issues on one day: the article id breaks the tie
            historical(d, series, i < 3 ? day : day.plusDays(i),
                    Desk.article(i % 2 == 0 ? "新时代文明实践中心建设推进会" : "志愿者在行动", "推进新时代文明实践中心建设。"),
                    Desk.article("第二篇", "新时代文明实践站遍布街乡。"),
                    Desk.article("第三篇", "与此无关。"));
        }
        List<String> all = search(d.reader, series, "文明实践", Map.of("limit", "100")).then().statusCode(200)
                .body("nextCursor", nullValue()).extract().path("items.articleId");
        assertEquals(10, all.size(), "two articles of each of the five issues");
        List<Boolean> titleMatches = search(d.reader, series, "文明实践", Map.of("limit", "100")).path("items.titleMatch");
        assertEquals(List.of(true, true, true, false, false, false, false, false, false, false), titleMatches);

        for (int limit : List.of(1, 2, 3, 4)) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Map<String, String> params = new HashMap<>(Map.of("limit", Integer.toString(limit)));
                if (cursor != null) {
                    params.put("cursor", cursor);
                }
                Response page = search(d.reader, series, "文明实践", params);
                page.then().statusCode(200);
                paged.addAll(page.path("items.articleId"));
                cursor = page.path("nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(all, paged, "pages of " + limit + " in the same order as one page");
            assertEquals(paged.size(), new HashSet<>(paged).size());
        }

        // a cursor is bound to the search: the list's cursors and garbage are refused
        String listCursor = Desk.as(d.reader).queryParam("seriesId", series).queryParam("limit", 1).get(Desk.BULLETINS).path("nextCursor");
        assertProblem(search(d.reader, series, "文明实践", Map.of("cursor", listCursor)).then(), 400, "validation")
                .body("errors.field", hasItem("cursor"));
        assertProblem(search(d.reader, series, "文明实践", Map.of("cursor", "garbage!")).then(), 400, "validation")
                .body("errors.field", hasItem("cursor"));
        assertProblem(search(d.reader, series, "文明实践", Map.of("limit", "101")).then(), 400, "validation")
                .body("errors.field", hasItem("limit"));
    }

    // ---- bad queries -----------------------------------------------------------------------------

    @Test
    void aMissingEmptyTooLongOrLetterlessQueryIsAProblemNamingQ() {
        Desk d = new Desk();
        assertProblem(Desk.as(d.reader).get(SEARCH).then(), 400, "validation").body("errors.field", hasItem("q"));
        for (String q : List.of("", "   ", "文".repeat(101), "，。！？ ……", "<>&")) {
            assertProblem(Desk.as(d.reader).queryParam("q", q).get(SEARCH).then(), 400, "validation")
                    .body("errors.field", hasItem("q"));
        }
        Desk.as(d.reader).queryParam("q", "文".repeat(100)).get(SEARCH).then().statusCode(200);
        Desk.as(d.reader).queryParam("q", "  背街小巷  ").get(SEARCH).then().statusCode(200);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Response search(String token, String series, String q) {
        return search(token, series, q, Map.of());
    }

    private static Response search(String token, String series, String q, Map<String, String> params) {
        RequestSpecification request = Desk.as(token).queryParam("q", q).queryParam("seriesId", series);
        params.forEach(request::queryParam);
        return request.get(SEARCH);
    }

    /** A back issue (PUBLISHED) with the next numbers of this test. */
    @SafeVarargs
    private String historical(Desk d, String series, LocalDate date, Map<String, Object>... articles) {
        return d.historical(series, numbers.incrementAndGet(), date, List.of(articles));
    }

    /**
     * The paragraphs of the seed's two articles, as printed: the lines under each title up to the
     * next title or 责编, a line that does not end a sentence joined with the next (the PDF broke it).
     */
    static List<List<String>> seedParagraphs() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(SEED), StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        List<List<String>> articles = new ArrayList<>();
        List<String> current = null;
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            String bare = line.replaceAll("\\s", "");
            if (bare.equals(TITLE_1.replaceAll("\\s", "")) || bare.equals(TITLE_2.replaceAll("\\s", ""))) {
                current = new ArrayList<>();
                articles.add(current);
                continue;
            }
            if (current == null || line.equals("(本刊)")) {
                continue;
            }
            if (line.startsWith("责编")) {
                break;
            }
            pending.append(line);
            if (line.matches(".*[。！？)）”]$")) {
                current.add(pending.toString());
                pending.setLength(0);
            }
        }
        assertEquals(2, articles.size(), "the seed has two articles");
        assertEquals(4, articles.get(0).size());
        assertEquals(5, articles.get(1).size());
        return articles;
    }
}
