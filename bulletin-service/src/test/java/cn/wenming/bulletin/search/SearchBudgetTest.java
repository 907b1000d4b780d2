package cn.wenming.bulletin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How SearchService chooses, from the words' statistics, between the walk and the GIN index. */
class SearchBudgetTest {

    /** Lexemes as pg_stats lists them: 文明 in half the articles, 背街 and 小巷 in a third, the rest rarer than 0.2 %. */
    static final SearchStatistics.Lexemes STATS = new SearchStatistics.Lexemes(
            Map.of("文明", 0.5f, "明建", 0.4f, "背街", 0.33f, "街小", 0.33f, "小巷", 0.34f, "文化", 0.01f, "明", 0.05f), 0.002f);

    @Test
    void aWordIsInNoMoreArticlesThanItsRarestBigram() {
        assertEquals(0.5, STATS.atMost(List.of("文明")), 1e-6);
        assertEquals(0.33, STATS.atMost(List.of("背街小巷")), 1e-6);
        // a bigram the statistics do not list is rarer than the rarest they list
        assertEquals(0.002, STATS.atMost(List.of("垃圾")), 1e-6);
        assertEquals(0.002, STATS.atMost(List.of("文明垃圾")), 1e-6);
        // 文明建 is 文明 and 明建
        assertEquals(0.4, STATS.atMost(List.of("文明建")), 1e-6);
        // several words: no more than the rarest
        assertEquals(0.33, STATS.atMost(List.of("文明", "背街小巷")), 1e-6);
        // one character: all the bigrams it starts (文明, 文化), or the rarest when it starts none listed
        assertEquals(0.51, STATS.atMost(List.of("文")), 1e-6);
        assertEquals(0.002, STATS.atMost(List.of("奇")), 1e-6);
    }

    @Test
    void commonWordsWalkRareOnesTakeTheGinIndexAndWithoutStatisticsTheWalkIsBounded() {
        // a page of 21 within 1000 articles needs a share of 2.1 %
        assertEquals(1000, SearchService.budget(STATS, List.of("文明"), 21, 1000));
        assertEquals(1000, SearchService.budget(STATS, List.of("背街小巷"), 21, 1000));
        assertEquals(0, SearchService.budget(STATS, List.of("垃圾分类"), 21, 1000));
        assertEquals(0, SearchService.budget(STATS, List.of("文化"), 21, 1000));
        assertEquals(1000, SearchService.budget(STATS, List.of("文化"), 5, 1000));
        assertEquals(0, SearchService.budget(STATS, List.of("文明", "垃圾"), 21, 1000));
        assertEquals(1000, SearchService.budget(null, List.of("垃圾分类"), 21, 1000));
    }
}
