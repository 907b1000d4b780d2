package cn.wenming.bulletin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.bulletin.search.SearchService;
import cn.wenming.bulletin.search.SearchService.Hit;
import cn.wenming.bulletin.search.SearchService.Paths;
import cn.wenming.common.page.Page;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The ways {@code search_page} finds a page (V6__search_page.sql): walking the newest issues
 * within a budget, the GIN index at once, a walk cut short and continued by the GIN index, and
 * the plan PostgreSQL makes for a filtered search. Whichever way, a search without filters gives
 * the same hits in the same order, page after page, with the same marks, and readers never find
 * a draft. The words are made of rare characters (CJK extension A) drawn afresh for each test, so
 * no other test's article contains them, and no series filter is needed.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SearchPathsTest {

    static final BulletinService.Filter NONE = new BulletinService.Filter(null, null, null, null, null);
    /** Walk all (more than the test database holds), GIN at once, walks cut short after 1-5 articles, and planned. */
    static final List<Paths> PATHS = List.of(new Paths(1000, 1000), new Paths(0, 0), new Paths(1, 1), new Paths(2, 5),
            new Paths(5, 0), new Paths(0, 2), Paths.PLANNED);

    @Inject
    SearchService search;

    private final AtomicInteger numbers = new AtomicInteger();

    /** An article as created, with the issue it is in. */
    record Made(String articleId, LocalDate sortDate, boolean published, String title, List<String> paragraphs) {
    }

    /** The words, and every article made, published or not. */
    record Data(String common, String rare, List<Made> made) {
    }

    /**
     * Ten issues with three articles each (three issues on one day, two on another, so the article
     * id orders those): the common word in the title of every other first article and in the
     * paragraphs of most, the rare word in one title and one paragraph (between {@code <} and
     * {@code >}, next to an {@code &}); and a draft, newest of all, with both words.
     */
    private Data data() {
        String common = word(2);
        String rare = word(4);
        Desk d = new Desk();
        String series = d.newSeries();
        List<Made> made = new ArrayList<>();
        List<LocalDate> dates = List.of(LocalDate.of(2090, 6, 1), LocalDate.of(2090, 6, 1), LocalDate.of(2090, 6, 1),
                LocalDate.of(2090, 5, 20), LocalDate.of(2090, 5, 10), LocalDate.of(2090, 5, 10), LocalDate.of(2089, 12, 31),
                LocalDate.of(2089, 7, 1), LocalDate.of(2088, 1, 1), LocalDate.of(2087, 3, 3));
        for (int i = 0; i < dates.size(); i++) {
            String title1 = i % 2 == 0 ? "关于" + common + "工作的通报" : "第" + i + "期要闻";
            String title3 = i == 6 ? rare + "专项行动推进会召开" : "其他工作";
            String body3 = i == 1 ? "会议部署了<" + rare + ">工作 & 其他任务。" : "与此无关的内容。";
            made.addAll(historical(d, series, dates.get(i),
                    Desk.article(title1, "各区认真落实" + common + "要求，推进创建工作。", "第二段。"),
                    Desk.article("工作动态" + i, i % 3 == 0 ? "没有那个词的段落。" : "一段很长的开头，用来把命中的词推到后面，" + common + "再次出现。"),
                    Desk.article(title3, body3)));
        }
        Map<String, Object> draft = Desk.draft(series, LocalDate.of(2090, 7, 1), "梅雪峰");
        draft.put("articles", List.of(Desk.article(common + rare + "草稿", "草稿里的" + common + "和" + rare + "。")));
        String draftId = Desk.as(d.editor).body(draft).post(Desk.BULLETINS).then().statusCode(201).extract().path("id");
        made.addAll(articles(d, draftId, LocalDate.of(2090, 7, 1), false));
        return new Data(common, rare, made);
    }

    @Test
    void everyWayToFindAPageGivesTheSameHitsInTheSameOrder() {
        Data data = data();
        String common = data.common();
        String rare = data.rare();
        List<Made> made = data.made();
        for (String word : List.of(common, rare)) {
            for (boolean staff : List.of(false, true)) {
                List<Made> expected = expected(made, word, staff);
                assertTrue(expected.size() >= (word.equals(common) ? 15 : 2), "the data has hits of " + word + ": " + expected.size());
                List<Hit> first = null;
                for (Paths paths : PATHS) {
                    for (int limit : List.of(1, 4, 100)) {
                        List<Hit> hits = allPages(word, limit, staff, paths);
                        String how = word + (staff ? " as staff" : " as reader") + ", " + paths + ", pages of " + limit;
                        assertEquals(expected.stream().map(Made::articleId).toList(), hits.stream().map(h -> h.articleId().toString()).toList(), how);
                        for (int k = 0; k < hits.size(); k++) {
                            Hit hit = hits.get(k);
                            Made m = expected.get(k);
                            assertEquals(m.title().contains(word), hit.titleMatch(), how);
                            assertEquals(m.sortDate(), hit.issueDate(), how);
                            assertEquals(m.title(), hit.title(), how);
                            assertEquals(m.published(), "PUBLISHED".equals(hit.status().name()), how);
                            assertTrue(hit.titleMatch() == hit.titleHighlight().contains("<em>" + word + "</em>"), how + ": " + hit.titleHighlight());
                            assertTrue(hit.snippet().contains("<em>" + word + "</em>") || hit.titleMatch(), how + ": " + hit.snippet());
                            assertFalse(hit.snippet().contains("<" + word) || hit.snippet().contains(" & "), "escaped: " + hit.snippet());
                        }
                        if (first == null) {
                            first = hits;
                        } else {
                            assertEquals(first, hits, how + ": the same hits, marks and all");
                        }
                    }
                }
            }
        }
    }

    @Test
    void throughTheApiWithoutFiltersTheWayChosenFromTheStatisticsGivesTheSameHits() {
        Data data = data();
        for (String word : List.of(data.common(), data.rare())) {
            for (boolean staff : List.of(false, true)) {
                Desk d = new Desk();
                String token = staff ? d.editor : d.reader;
                List<Made> expected = expected(data.made(), word, staff);
                List<Hit> planned = allPages(word, 100, staff, Paths.PLANNED);
                List<Map<String, Object>> items = new ArrayList<>();
                String cursor = null;
                do {
                    var request = Desk.as(token).queryParam("q", word).queryParam("limit", 3);
                    if (cursor != null) {
                        request.queryParam("cursor", cursor);
                    }
                    Response page = request.get(SearchTest.SEARCH);
                    page.then().statusCode(200);
                    items.addAll(page.path("items"));
                    cursor = page.path("nextCursor");
                } while (cursor != null && items.size() < 100);
                String how = word + (staff ? " as staff" : " as reader");
                assertEquals(expected.stream().map(Made::articleId).toList(), items.stream().map(i -> i.get("articleId")).toList(), how);
                for (int k = 0; k < items.size(); k++) {
                    Map<String, Object> item = items.get(k);
                    Hit hit = planned.get(k);
                    assertEquals(hit.titleMatch(), item.get("titleMatch"), how);
                    assertEquals(hit.titleHighlight(), item.get("titleHighlight"), how);
                    assertEquals(hit.snippet(), item.get("snippet"), how);
                    assertEquals(hit.status().name(), item.get("status"), how);
                    assertEquals(hit.issueDate().toString(), item.get("issueDate"), how);
                    assertEquals(hit.seriesTitle(), item.get("seriesTitle"), how);
                }
                assertEquals(staff, items.stream().anyMatch(i -> "DRAFT".equals(i.get("status"))), how + ": the draft");
            }
        }
    }

    /** What the search must find: title hits first, then paragraph hits, each newest first and by article id. */
    private static List<Made> expected(List<Made> made, String word, boolean staff) {
        Comparator<Made> rank = Comparator.<Made, Boolean>comparing(m -> !m.title().contains(word))
                .thenComparing(Made::sortDate, Comparator.reverseOrder())
                // PostgreSQL orders uuids by their bytes, as their lower-case text
                .thenComparing(Made::articleId);
        return made.stream().filter(m -> staff || m.published())
                .filter(m -> m.title().contains(word) || m.paragraphs().stream().anyMatch(p -> p.contains(word)))
                .sorted(rank).toList();
    }

    private List<Hit> allPages(String word, int limit, boolean staff, Paths paths) {
        List<Hit> all = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            PageRequest request = PageRequest.of(Integer.toString(limit), cursor, SearchService.SORT);
            List<Hit> rows = search.search(word, NONE, request, staff, paths);
            Page<Hit> page = Page.of(rows, request, Hit::sortKey, Hit::id, h -> h);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                return all;
            }
        }
        throw new AssertionError("more than 100 pages of " + word);
    }

    /** A word of rare characters (CJK extension A), drawn afresh. */
    static String word(int length) {
        StringBuilder w = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (w.length() < length) {
            char c = (char) random.nextInt(0x3400, 0x4DC0);
            if (w.indexOf(String.valueOf(c)) < 0) {
                w.append(c);
            }
        }
        return w.toString();
    }

    @SafeVarargs
    private List<Made> historical(Desk d, String series, LocalDate date, Map<String, Object>... articles) {
        return articles(d, d.historical(series, numbers.incrementAndGet(), date, List.of(articles)), date, true);
    }

    private static List<Made> articles(Desk d, String issueId, LocalDate date, boolean published) {
        Response issue = Desk.as(d.admin).get(Desk.BULLETINS + "/" + issueId);
        issue.then().statusCode(200);
        List<Map<String, Object>> articles = issue.path("articles");
        List<Made> out = new ArrayList<>();
        for (Map<String, Object> a : articles) {
            @SuppressWarnings("unchecked")
            List<String> paragraphs = (List<String>) a.get("paragraphs");
            out.add(new Made(UUID.fromString((String) a.get("id")).toString(), date, published, (String) a.get("title"), paragraphs));
        }
        return out;
    }
}
