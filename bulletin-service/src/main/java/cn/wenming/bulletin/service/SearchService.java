package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.common.page.Cursor;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;

/**
 * Chinese full-text search over article titles and paragraphs (docs/search.md). The database
 * indexes character bigrams ({@code V3__search.sql}); this class ranks, pages and highlights.
 *
 * <p>Ranking: articles whose title contains the query come first, then those that contain it in
 * their paragraphs only; within each group the newest issue first (issue date, then article id).
 * Both groups are read in that order from the issue list's index and stop after one page, or are
 * taken from the GIN index when the words are rare: a page costs about the same whether a word is
 * in three articles or in all of them. The cursor holds the group, the issue date and the article
 * id of the last hit (keyset: no offset, a deep page costs the same as the first).
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class SearchService {

    /** The longest query, in characters. */
    public static final int MAX_QUERY = 100;
    /** What a search cursor is bound to: a cursor of the issue list is refused here, and the reverse. */
    public static final String SORT = "relevance";

    /** One hit: the article with its issue and series loaded, and how it matched. */
    public record Hit(Article article, boolean titleMatch, LocalDate sortDate, String titleHighlight, String snippet) {

        /** The cursor key: the group (1 title, 0 paragraphs) and the issue date. */
        public String sortKey() {
            return (titleMatch ? "1" : "0") + ":" + sortDate;
        }

        public UUID id() {
            return article.id;
        }
    }

    private record Row(UUID articleId, LocalDate sortDate, boolean titleMatch) {
    }

    private record After(boolean titleMatch, LocalDate sortDate, UUID articleId) {
    }

    @Inject
    EntityManager em;

    /**
     * One page of hits ({@code page.fetchSize()} at most, so the caller can tell whether another
     * follows). Readers find PUBLISHED issues only. A missing, too long or letterless {@code q} is
     * a 400 naming {@code q}.
     */
    public List<Hit> search(String q, BulletinService.Filter filter, PageRequest page, boolean staff) {
        String query = checked(q);
        if (!staff && filter.status() != null && !filter.status().isPublic()) {
            return List.of();
        }
        After after = page.after().map(SearchService::after).orElse(null);
        // the query is planned with its words (their frequencies decide index walk or GIN), also
        // once the driver has made it a prepared statement; the setting lasts for this method's
        // transaction, which is why this read is REQUIRED and not SUPPORTS
        em.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        List<Row> rows = new ArrayList<>();
        if (after == null || after.titleMatch()) {
            rows.addAll(group(true, query, filter, staff, after, page.fetchSize()));
        }
        if (rows.size() < page.fetchSize()) {
            rows.addAll(group(false, query, filter, staff, after != null && !after.titleMatch() ? after : null,
                    page.fetchSize() - rows.size()));
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> articles = Article.<Article>find(
                "from Article a join fetch a.bulletin b join fetch b.series where a.id in ?1",
                rows.stream().map(Row::articleId).toList()).stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Highlighter highlighter = new Highlighter(query);
        List<Hit> hits = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Article a = articles.get(row.articleId());
            if (a != null) {
                hits.add(new Hit(a, row.titleMatch(), row.sortDate(), highlighter.highlight(a.title),
                        highlighter.snippet(a.paragraphs)));
            }
        }
        return hits;
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

    /** One group (title hits, or hits in the paragraphs only), in rank order, after the cursor. */
    @SuppressWarnings("unchecked")
    private List<Row> group(boolean title, String query, BulletinService.Filter filter, boolean staff, After after, int max) {
        StringBuilder sql = new StringBuilder("select a.id, b.sort_date from bulletin b join article a on a.bulletin_id = b.id where ");
        sql.append(title ? "a.search_title @@ search_query(:q)"
                : "a.search_body @@ search_query(:q) and not (a.search_title @@ search_query(:q))");
        Map<String, Object> params = new HashMap<>();
        params.put("q", query);
        BulletinStatus status = staff ? filter.status() : BulletinStatus.PUBLISHED;
        condition(sql, params, "b.status = :status", "status", status == null ? null : status.name());
        condition(sql, params, "b.series_id = :series", "series", filter.seriesId());
        condition(sql, params, "b.year = :year", "year", filter.year());
        condition(sql, params, "b.sort_date >= :from", "from", filter.from());
        condition(sql, params, "b.sort_date <= :to", "to", filter.to());
        if (after != null) {
            // the first condition lets the walk start at the cursor's date in the index
            sql.append(" and b.sort_date <= :ck and (b.sort_date < :ck or a.id > :cid)");
            params.put("ck", after.sortDate());
            params.put("cid", after.articleId());
        }
        sql.append(" order by b.sort_date desc, a.id limit ").append(max);
        Query nq = em.createNativeQuery(sql.toString());
        params.forEach(nq::setParameter);
        List<Object[]> result = nq.getResultList();
        return result.stream().map(r -> new Row((UUID) r[0], date(r[1]), title)).toList();
    }

    private static void condition(StringBuilder sql, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
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

        Highlighter(String query) {
            this.runs = runs(query);
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
            Normalized n = normalize(text);
            List<int[]> spans = new ArrayList<>();
            for (String run : runs) {
                for (int i = n.text.indexOf(run); i >= 0; i = n.text.indexOf(run, i + 1)) {
                    spans.add(new int[] { n.from[i], n.to[i + run.length() - 1] });
                }
            }
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
