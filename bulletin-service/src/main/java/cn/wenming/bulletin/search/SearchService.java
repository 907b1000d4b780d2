package cn.wenming.bulletin.search;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;

/**
 * Chinese full-text search over article titles and paragraphs (docs/search.md). The database
 * indexes character bigrams ({@code V3__search.sql}) and finds a page ({@code search_page},
 * {@code V6__search_page.sql}); this class checks the query and chooses how the page is found;
 * {@link SearchPage} asks for it, {@link Highlighter} marks the words ({@link Words}: the words as
 * the database sees them).
 *
 * <p>Ranking: articles whose title contains the query come first, then those that contain it in
 * their paragraphs only; within each group the newest issue first (issue date, then article id).
 * The cursor holds the group, the issue date and the article id of the last hit (keyset: no
 * offset, a deep page costs the same as the first).
 *
 * <p>How a page is found: each group walks the issues newest first and stops after a page of hits,
 * or after {@code bulletin.search.walk-budget} articles, when the GIN index gives the rest; words
 * that PostgreSQL's statistics say are rarer than a page in that many articles take the GIN index
 * at once ({@link SearchStatistics}). These plans are made once per connection, not per search.
 * With a filter (series, year, dates, or a status asked for by staff) PostgreSQL plans each search
 * with the filter's values instead. The hits and their order are the same whichever way they are
 * found.
 */
@ApplicationScoped
public class SearchService {

    /** The longest query, in characters. */
    public static final int MAX_QUERY = 100;
    /** What a search cursor is bound to: a cursor of the issue list is refused here, and the reverse. */
    public static final String SORT = "relevance";

    /**
     * One hit: the article, its issue, how it matched, and its title and snippet as HTML with the
     * words marked.
     */
    public record Hit(UUID bulletinId, UUID seriesId, String seriesTitle, BulletinStatus status, Integer year, Integer issueNo,
            Integer cumulativeNo, LocalDate issueDate, UUID articleId, int seq, String title, boolean titleMatch,
            LocalDate sortDate, String titleHighlight, String snippet) {

        /** The cursor key: the group (1 title, 0 paragraphs) and the issue date. */
        public String sortKey() {
            return (titleMatch ? "1" : "0") + ":" + sortDate;
        }

        public UUID id() {
            return articleId;
        }
    }

    /**
     * How a page is found: how many articles each group may walk before the GIN index takes over
     * (0: the GIN index at once); {@code null} for both: PostgreSQL plans the search with its filters.
     */
    public record Paths(Integer titleBudget, Integer bodyBudget) {

        /** Planned by PostgreSQL for this search: what a filter needs. */
        public static final Paths PLANNED = new Paths(null, null);
    }

    @Inject
    DataSource dataSource;

    @Inject
    SearchStatistics statistics;

    @Inject
    BulletinConfig config;

    /**
     * One page of hits ({@code page.fetchSize()} at most, so the caller can tell whether another
     * follows). Readers find PUBLISHED issues only. A missing, too long or letterless {@code q} is
     * a 400 naming {@code q}.
     */
    public List<Hit> search(String q, BulletinService.Filter filter, PageRequest page, boolean staff) {
        String query = checked(q);
        return search(query, filter, page, staff, paths(query, filter, page, staff));
    }

    /**
     * The same with the way the page is found given: whatever {@code paths} says, the hits are
     * the same (SearchPathsTest holds every way to that).
     */
    public List<Hit> search(String q, BulletinService.Filter filter, PageRequest page, boolean staff, Paths paths) {
        String query = checked(q);
        if (!staff && filter.status() != null && !filter.status().isPublic()) {
            return List.of();
        }
        SearchPage wanted = new SearchPage(query, filter, page, staff, paths);
        // no transaction: one statement in autocommit, planned once per connection
        try (Connection c = dataSource.getConnection()) {
            return wanted.read(c);
        } catch (SQLException e) {
            throw new IllegalStateException("search failed: " + e.getMessage(), e);
        }
    }

    /**
     * How to find this page: with a filter, planned by PostgreSQL; otherwise for each group the
     * walk when the words are expected in a page's worth of the walk's articles, else the GIN index.
     */
    Paths paths(String query, BulletinService.Filter filter, PageRequest page, boolean staff) {
        if (filter.seriesId() != null || filter.year() != null || filter.from() != null || filter.to() != null
                || staff && filter.status() != null) {
            return Paths.PLANNED;
        }
        List<String> runs = Words.runs(query);
        return new Paths(budget(statistics.of(SearchStatistics.Column.TITLE), runs, page.fetchSize()),
                budget(statistics.of(SearchStatistics.Column.BODY), runs, page.fetchSize()));
    }

    private int budget(SearchStatistics.Lexemes lexemes, List<String> runs, int size) {
        return budget(lexemes, runs, size, config.search().walkBudget());
    }

    /**
     * The walk's budget for a group, or 0 for the GIN index: walk when the words are expected in
     * at least a page of {@code budget} articles. Without statistics (a new database) walk: the
     * budget bounds what that costs.
     */
    static int budget(SearchStatistics.Lexemes lexemes, List<String> runs, int size, int budget) {
        return lexemes == null || lexemes.atMost(runs) * budget >= size ? budget : 0;
    }

    /** The query as given, stripped; a 400 naming {@code q} unless it has 1 to 100 characters and a letter or digit. */
    static String checked(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalid("q", "必填：要检索的字词 (required: the words to search for)");
        }
        String query = q.strip();
        if (query.codePointCount(0, query.length()) > MAX_QUERY) {
            throw ProblemException.invalid("q", "最多 " + MAX_QUERY + " 个字 (at most " + MAX_QUERY + " characters)");
        }
        if (Words.runs(query).isEmpty()) {
            throw ProblemException.invalid("q", "至少要有一个汉字、字母或数字 (needs a letter, a Chinese character or a digit)");
        }
        return query;
    }
}
