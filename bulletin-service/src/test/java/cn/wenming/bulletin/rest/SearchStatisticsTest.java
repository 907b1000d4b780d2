package cn.wenming.bulletin.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.search.SearchStatistics;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** SearchStatistics reads what ANALYZE found in PostgreSQL (pg_stats), and its estimate is the share of the articles. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SearchStatisticsTest {

    @Inject
    SearchStatistics statistics;

    @Inject
    DataSource dataSource;

    @Test
    void theEstimateIsTheShareOfTheArticlesWithTheWordAsAnalyzeCountedIt() throws SQLException {
        String word = SearchPathsTest.word(2);
        String absent = SearchPathsTest.word(2);
        Desk d = new Desk();
        String series = d.newSeries();
        for (int i = 1; i <= 12; i++) {
            d.historical(series, i, LocalDate.of(2000, 1, i),
                    List.of(Desk.article(word + "工作会议召开", "正文里没有。"), Desk.article("其他消息", "正文里有" + word + "。")));
        }
        long total;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze article");
            try (ResultSet rs = s.executeQuery("select count(*) from article")) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        SearchStatistics.Lexemes titles = statistics.of(SearchStatistics.Column.TITLE);
        SearchStatistics.Lexemes bodies = statistics.of(SearchStatistics.Column.BODY);
        assertNotNull(titles, "statistics after ANALYZE");
        assertNotNull(bodies, "statistics after ANALYZE");
        // ANALYZE reads every row of a table this small
        assertEquals(12.0 / total, titles.atMost(List.of(word)), 1e-6);
        assertEquals(12.0 / total, bodies.atMost(List.of(word)), 1e-6);
        assertTrue(titles.atMost(List.of(absent)) <= titles.atMost(List.of(word)), "a word never stored is rarer");
        assertEquals(titles.minimum(), titles.atMost(List.of(absent)), 1e-9);
    }
}
