package cn.wenming.bulletin.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.search.SearchService.Hit;
import cn.wenming.bulletin.search.SearchService.Paths;
import cn.wenming.bulletin.service.BulletinService;
import cn.wenming.common.page.Cursor;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;

/**
 * One page of hits as one call of {@code search_page} (V6__search_page.sql): the query, the statuses the
 * caller may see, the filter, the position after the cursor, the page size and the ways the page is found go
 * in as its parameters; each row comes back as a {@link Hit} with its title and snippet highlighted.
 */
final class SearchPage {

    private static final String[] READERS = { BulletinStatus.PUBLISHED.name() };
    private static final String[] STAFF = Arrays.stream(BulletinStatus.values()).map(Enum::name).toArray(String[]::new);

    /** One page of hits in one statement; the columns are those of {@link Hit}. */
    private static final String PAGE = """
            select title_match, sort_date, article_id, seq, title, paragraphs, bulletin_id, series_id, series_title, status,
                   year, issue_no, cumulative_no, issue_date
            from search_page(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Where the last page ended: the group, the issue date and the article id of its last hit. */
    private record After(boolean titleMatch, LocalDate sortDate, UUID articleId) {
    }

    private final String query;
    private final BulletinService.Filter filter;
    private final boolean staff;
    private final After after;
    private final int size;
    private final Paths paths;
    private final Highlighter highlighter;

    /** The page after {@code page}'s cursor; a cursor this service did not issue is a 400, before any connection is taken. */
    SearchPage(String query, BulletinService.Filter filter, PageRequest page, boolean staff, Paths paths) {
        this.query = query;
        this.filter = filter;
        this.staff = staff;
        this.after = page.after().map(SearchPage::after).orElse(null);
        this.size = page.fetchSize();
        this.paths = paths;
        this.highlighter = new Highlighter(query);
    }

    /** Up to {@code page.fetchSize()} hits, read on {@code c}. */
    List<Hit> read(Connection c) throws SQLException {
        List<Hit> hits = new ArrayList<>(size);
        try (PreparedStatement ps = c.prepareStatement(PAGE)) {
            ps.setString(1, query);
            ps.setArray(2, c.createArrayOf("text", !staff ? READERS : filter.status() == null ? STAFF : new String[] { filter.status().name() }));
            ps.setObject(3, filter.seriesId(), Types.OTHER);
            ps.setObject(4, filter.year(), Types.INTEGER);
            ps.setObject(5, filter.from(), Types.DATE);
            ps.setObject(6, filter.to(), Types.DATE);
            ps.setObject(7, after == null ? null : after.titleMatch(), Types.BOOLEAN);
            ps.setObject(8, after == null ? null : after.sortDate(), Types.DATE);
            ps.setObject(9, after == null ? null : after.articleId(), Types.OTHER);
            ps.setInt(10, size);
            ps.setObject(11, paths.titleBudget(), Types.INTEGER);
            ps.setObject(12, paths.bodyBudget(), Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hits.add(hit(rs));
                }
            }
        }
        return hits;
    }

    private Hit hit(ResultSet rs) throws SQLException {
        String title = rs.getString(5);
        String[] paragraphs = (String[]) rs.getArray(6).getArray();
        return new Hit(rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9),
                BulletinStatus.valueOf(rs.getString(10)), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                (Integer) rs.getObject(13), rs.getObject(14, LocalDate.class), rs.getObject(3, UUID.class), rs.getInt(4),
                title, rs.getBoolean(1), rs.getObject(2, LocalDate.class), highlighter.highlight(title),
                highlighter.snippet(Arrays.asList(paragraphs)));
    }

    /** The cursor's key is {@link Hit#sortKey}: {@code 1:} or {@code 0:} and the issue date; anything else is a 400. */
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
}
