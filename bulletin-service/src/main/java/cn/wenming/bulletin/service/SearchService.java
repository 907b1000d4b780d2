package cn.wenming.bulletin.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.common.page.Cursor;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;

/**
 * Chinese full-text search over article titles and paragraphs (docs/search.md). The database
 * indexes character bigrams ({@code V3__search.sql}) and finds a page ({@code search_page},
 * {@code V6__search_page.sql}); this class checks the query, chooses how the page is found, and
 * highlights.
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

    private static final String[] READERS = { BulletinStatus.PUBLISHED.name() };
    private static final String[] STAFF = Arrays.stream(BulletinStatus.values()).map(Enum::name).toArray(String[]::new);

    /** One page of hits in one statement; the columns are those of {@link Hit}. */
    private static final String PAGE = """
            select title_match, sort_date, article_id, seq, title, paragraphs, bulletin_id, series_id, series_title, status,
                   year, issue_no, cumulative_no, issue_date
            from search_page(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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

    private record After(boolean titleMatch, LocalDate sortDate, UUID articleId) {
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
        After after = page.after().map(SearchService::after).orElse(null);
        Highlighter highlighter = new Highlighter(query);
        List<Hit> hits = new ArrayList<>(page.fetchSize());
        // no transaction: one statement in autocommit, planned once per connection
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setString(1, query);
            ps.setArray(2, c.createArrayOf("text", !staff ? READERS : filter.status() == null ? STAFF : new String[] { filter.status().name() }));
            ps.setObject(3, filter.seriesId(), Types.OTHER);
            ps.setObject(4, filter.year(), Types.INTEGER);
            ps.setObject(5, filter.from(), Types.DATE);
            ps.setObject(6, filter.to(), Types.DATE);
            ps.setObject(7, after == null ? null : after.titleMatch(), Types.BOOLEAN);
            ps.setObject(8, after == null ? null : after.sortDate(), Types.DATE);
            ps.setObject(9, after == null ? null : after.articleId(), Types.OTHER);
            ps.setInt(10, page.fetchSize());
            ps.setObject(11, paths.titleBudget(), Types.INTEGER);
            ps.setObject(12, paths.bodyBudget(), Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String title = rs.getString(5);
                    String[] paragraphs = (String[]) rs.getArray(6).getArray();
                    hits.add(new Hit(rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9),
                            BulletinStatus.valueOf(rs.getString(10)), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                            (Integer) rs.getObject(13), rs.getObject(14, LocalDate.class), rs.getObject(3, UUID.class), rs.getInt(4),
                            title, rs.getBoolean(1), rs.getObject(2, LocalDate.class), highlighter.highlight(title),
                            highlighter.snippet(Arrays.asList(paragraphs))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("search failed: " + e.getMessage(), e);
        }
        return hits;
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
        List<String> runs = Highlighter.runs(query);
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
        if (Highlighter.runs(query).isEmpty()) {
            throw ProblemException.invalid("q", "至少要有一个汉字、字母或数字 (needs a letter, a Chinese character or a digit)");
        }
        return query;
    }

    private static After after(Cursor cursor) {
        String key = cursor.key();
        try {
            if (key.length() > 2 && (key.startsWith("1:") || key.startsWith("0:"))) {
                return new After(key.charAt(0) == '1', LocalDate.parse(key.substring(2)), cursor.id());
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
    }

    /**
     * Marks the query's words in a text, as HTML: every hit inside {@code <em>…</em>}, everything
     * else escaped ({@code & < > " '}), so a snippet is safe to show as HTML. It finds the words as
     * the database does: NFKC, lower case, anything but letters and digits separates words (the
     * character class of {@code search_normalize}).
     */
    static final class Highlighter {

        /** Characters of context before the first hit in a snippet. */
        static final int BEFORE = 30;
        /** The longest snippet, in characters, without the ellipses. */
        static final int LENGTH = 120;
        static final String ELLIPSIS = "…";

        private final List<String> runs;
        /** Whether the words are CJK ideographs only, which every NFKC text holds as they are. */
        private final boolean ideographs;

        Highlighter(String query) {
            this.runs = runs(query);
            this.ideographs = runs.stream().allMatch(run -> run.chars().allMatch(Highlighter::ideograph));
        }

        /** A CJK ideograph of the BMP: a letter that NFKC and lower case keep as it is. */
        static boolean ideograph(int c) {
            return c >= 0x3400 && c <= 0x9FFF && (c <= 0x4DBF || c >= 0x4E00);
        }

        /** The words of a query: its runs of letters, normalized. */
        static List<String> runs(String query) {
            List<String> out = new ArrayList<>();
            for (String run : normalize(query).text.split(" +")) {
                if (!run.isEmpty() && !out.contains(run)) {
                    out.add(run);
                }
            }
            return out;
        }

        /** The whole text, escaped, with every hit marked. */
        String highlight(String text) {
            return html(text, hits(text), 0, text.length());
        }

        /**
         * About {@value #LENGTH} characters of the first paragraph with a hit, starting a little
         * before the hit; the start of the first paragraph when only the title matched.
         */
        String snippet(List<String> paragraphs) {
            for (String p : paragraphs) {
                List<int[]> hits = hits(p);
                if (!hits.isEmpty()) {
                    int start = Math.max(0, hits.get(0)[0] - BEFORE);
                    int end = Math.min(p.length(), start + LENGTH);
                    if (end == p.length()) {
                        start = Math.max(0, end - LENGTH);
                    }
                    return window(p, hits, start, end);
                }
            }
            String first = paragraphs.isEmpty() ? "" : paragraphs.get(0);
            return window(first, List.of(), 0, Math.min(first.length(), LENGTH));
        }

        private static String window(String text, List<int[]> hits, int start, int end) {
            if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
                start--;
            }
            if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                end++;
            }
            return (start > 0 ? ELLIPSIS : "") + html(text, hits, start, end) + (end < text.length() ? ELLIPSIS : "");
        }

        /** The spans of {@code text} (UTF-16 offsets, end exclusive) where a word stands, merged. */
        List<int[]> hits(String text) {
            if (text == null || text.isEmpty()) {
                return List.of();
            }
            if (ideographs && Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
                // search_normalize leaves the ideographs of an NFKC text where they are, and makes
                // no other character one of them: the words stand in the text as they are
                List<int[]> spans = new ArrayList<>();
                for (String run : runs) {
                    for (int i = text.indexOf(run); i >= 0; i = text.indexOf(run, i + 1)) {
                        spans.add(new int[] { i, i + run.length() });
                    }
                }
                return merged(spans);
            }
            return normalizedHits(text);
        }

        /** {@link #hits}, always through the normalized text. */
        List<int[]> normalizedHits(String text) {
            Normalized n = normalize(text);
            List<int[]> spans = new ArrayList<>();
            for (String run : runs) {
                for (int i = n.text.indexOf(run); i >= 0; i = n.text.indexOf(run, i + 1)) {
                    spans.add(new int[] { n.from[i], n.to[i + run.length() - 1] });
                }
            }
            return merged(spans);
        }

        private static List<int[]> merged(List<int[]> spans) {
            spans.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
            List<int[]> merged = new ArrayList<>();
            for (int[] s : spans) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && s[0] <= last[1]) {
                    last[1] = Math.max(last[1], s[1]);
                } else {
                    merged.add(new int[] { s[0], s[1] });
                }
            }
            return merged;
        }

        private static String html(String text, List<int[]> hits, int start, int end) {
            StringBuilder out = new StringBuilder(end - start + 16);
            int at = start;
            for (int[] hit : hits) {
                int from = Math.max(hit[0], start);
                int to = Math.min(hit[1], end);
                if (from >= to) {
                    continue;
                }
                escape(text, at, from, out);
                out.append("<em>");
                escape(text, from, to, out);
                out.append("</em>");
                at = to;
            }
            escape(text, at, end, out);
            return out.toString();
        }

        private static void escape(String text, int from, int to, StringBuilder out) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
        }

        /** A text as search_normalize sees it, with the span of the original behind each of its chars. */
        record Normalized(String text, int[] from, int[] to) {
        }

        static Normalized normalize(String text) {
            // most texts are NFKC already: then each character maps to itself, lower-cased
            boolean nfkc = Normalizer.isNormalized(text, Normalizer.Form.NFKC);
            StringBuilder out = new StringBuilder(text.length());
            int[] from = new int[text.length() + 16];
            int[] to = new int[from.length];
            for (int i = 0; i < text.length();) {
                int cp = text.codePointAt(i);
                if (out.length() + 2 > from.length) {
                    from = Arrays.copyOf(from, from.length * 2);
                    to = Arrays.copyOf(to, to.length * 2);
                }
                if (ideograph(cp)) {
                    // most of a bulletin's text
                    from[out.length()] = i;
                    to[out.length()] = i + 1;
                    out.append((char) cp);
                    i++;
                    continue;
                }
                int next = i + Character.charCount(cp);
                String mapped = nfkc || cp < 0x80 ? null
                        : Normalizer.normalize(text.substring(i, next), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                int j = 0;
                do {
                    int m = mapped == null ? Character.toLowerCase(cp) : mapped.isEmpty() ? ' ' : mapped.codePointAt(j);
                    j += mapped == null || mapped.isEmpty() ? 1 : Character.charCount(m);
                    if (out.length() + 2 > from.length) {
                        from = Arrays.copyOf(from, from.length * 2);
                        to = Arrays.copyOf(to, to.length * 2);
                    }
                    if (letter(m)) {
                        for (int k = 0; k < Character.charCount(m); k++) {
                            from[out.length() + k] = i;
                            to[out.length() + k] = next;
                        }
                        out.appendCodePoint(m);
                    } else {
                        from[out.length()] = i;
                        to[out.length()] = next;
                        out.append(' ');
                    }
                } while (mapped != null && j < mapped.length());
                i = next;
            }
            return new Normalized(out.toString(), from, to);
        }

        /** The letters and digits of search_normalize (after NFKC and lower case). */
        static boolean letter(int c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                    || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)
                    || (c >= 0x370 && c <= 0x4FF)
                    || c == 0x3007
                    || (c >= 0x3041 && c <= 0x30FF && c != 0x30FB)
                    || (c >= 0x3400 && c <= 0x4DBF)
                    || (c >= 0x4E00 && c <= 0x9FFF)
                    || (c >= 0xAC00 && c <= 0xD7AF)
                    || (c >= 0xF900 && c <= 0xFAFF)
                    || (c >= 0x20000 && c <= 0x3134F);
        }
    }
}
