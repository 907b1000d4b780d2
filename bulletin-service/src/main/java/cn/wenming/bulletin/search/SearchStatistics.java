package cn.wenming.bulletin.search;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.bulletin.config.BulletinConfig;

/**
 * How often the bigrams of a query occur in article titles and paragraphs, from PostgreSQL's own
 * statistics of the search columns ({@code pg_stats.most_common_elems}, kept by ANALYZE), read
 * every {@code bulletin.search.statistics-every} and kept here: reading them costs about half a
 * millisecond, too much for every search. {@link SearchService} uses the estimate only to choose
 * how a page is found (walking the newest issues, or the GIN index at once); the hits and their
 * order never depend on it, so stale statistics can cost time but never change an answer.
 */
@ApplicationScoped
public class SearchStatistics {

    private static final Logger LOG = Logger.getLogger(SearchStatistics.class);

    /** The search columns of {@code article} (V3__search.sql). */
    public enum Column {
        TITLE("search_title"), BODY("search_body");

        private final String column;

        Column(String column) {
            this.column = column;
        }
    }

    /**
     * The statistics of one column: the frequency (share of the articles) of each of its most
     * common lexemes, and the lowest of them, which bounds the frequency of every lexeme not listed.
     */
    public record Lexemes(Map<String, Float> frequencies, float minimum) {

        /**
         * An upper bound of the share of the articles that contain all the words (their runs of
         * letters, normalized as search_normalize does): a word is in no more articles than its
         * rarest bigram; a single character in no more than all the bigrams it starts.
         */
        public double atMost(List<String> runs) {
            double bound = 1;
            for (String run : runs) {
                bound = Math.min(bound, run.codePointCount(0, run.length()) == 1 ? prefix(run) : phrase(run));
            }
            return bound;
        }

        private double phrase(String run) {
            // the bigrams search_query puts in the phrase: at 0, 2, 4, ... and the last one
            int[] cps = run.codePoints().toArray();
            double bound = 1;
            for (int o = 0;; o = Math.min(o + 2, cps.length - 2)) {
                bound = Math.min(bound, frequency(new String(cps, o, 2)));
                if (o == cps.length - 2) {
                    return bound;
                }
            }
        }

        private double prefix(String letter) {
            double sum = 0;
            for (Map.Entry<String, Float> e : frequencies.entrySet()) {
                if (e.getKey().startsWith(letter)) {
                    sum += e.getValue();
                }
            }
            return sum == 0 ? minimum : Math.min(1, sum);
        }

        private double frequency(String lexeme) {
            Float f = frequencies.get(lexeme);
            return f == null ? minimum : f;
        }
    }

    private record Snapshot(Map<Column, Lexemes> columns, Instant at) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    BulletinConfig config;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot;
    private final AtomicBoolean loading = new AtomicBoolean();

    /**
     * The statistics of a column, or null while PostgreSQL has none (before the first ANALYZE of
     * {@code article}). Read again once they are older than {@code bulletin.search.statistics-every}
     * by the one caller that finds them so; the others go on with the old ones meanwhile.
     */
    public Lexemes of(Column column) {
        Snapshot s = snapshot;
        if ((s == null || s.at().plus(config.search().statisticsEvery()).isBefore(clock.instant())) && loading.compareAndSet(false, true)) {
            try {
                s = load();
                snapshot = s;
            } catch (SQLException | RuntimeException e) {
                // the estimate only saves time: search on with what there is, and try again in a while
                LOG.warnf("search statistics could not be read: %s", e.toString());
                s = new Snapshot(s == null ? Map.of() : s.columns(), clock.instant());
                snapshot = s;
            } finally {
                loading.set(false);
            }
        }
        return s == null ? null : s.columns().get(column);
    }

    private Snapshot load() throws SQLException {
        Map<Column, Lexemes> columns = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select attname::text, most_common_elems::text::text[], most_common_elem_freqs
                        from pg_stats
                        where schemaname = current_schema() and tablename = 'article' and attname in ('search_title', 'search_body')
                          and most_common_elems is not null""");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Column column = rs.getString(1).equals(Column.TITLE.column) ? Column.TITLE : Column.BODY;
                columns.put(column, lexemes(rs.getArray(2), rs.getArray(3)));
            }
        }
        return new Snapshot(columns, clock.instant());
    }

    /** The lexemes and their frequencies; for a tsvector the frequencies end with their minimum and maximum. */
    static Lexemes lexemes(Array elements, Array frequencies) throws SQLException {
        String[] lexemes = (String[]) elements.getArray();
        Float[] freqs = (Float[]) frequencies.getArray();
        Map<String, Float> map = new HashMap<>(lexemes.length * 2);
        float minimum = 1;
        for (int i = 0; i < lexemes.length; i++) {
            map.put(lexemes[i], freqs[i]);
            minimum = Math.min(minimum, freqs[i]);
        }
        return new Lexemes(map, freqs.length > lexemes.length ? freqs[lexemes.length] : minimum);
    }
}
