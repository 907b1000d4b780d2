package cn.wenming.bulletin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The highlighter's shortcut for words of CJK ideographs finds what the normalized text finds. */
class HighlighterTest {

    /**
     * Characters of bulletin text and of its traps: ideographs, Latin in both cases, digits,
     * punctuation, full-width forms, a compatibility ideograph (豈 U+F900), a Kangxi radical
     * (⼀ U+2F00, NFKC 一), a circled ideograph (㊀, NFKC 一), an ideograph outside the BMP (𠀀),
     * an emoji, a combining accent and a ligature.
     */
    static final String[] POOL = { "一", "二", "文", "明", "背", "街", "小", "巷", "豈", "豈", "⼀", "㊀", "𠀀", "😀", "A", "a", "Z", "7",
            "７", "Ａ", "，", "。", " ", "<", "&", "\u0301", "ﬁ", "（", "）" };

    @Test
    void wordsOfIdeographsAreFoundAsTheNormalizedTextFindsThem() {
        Random random = new Random(20200424);
        int shortcut = 0;
        for (int round = 0; round < 5000; round++) {
            String query = text(random, 1 + random.nextInt(3), "一", "二", "文", "明", "背", "街", "豈", " ");
            String text = text(random, random.nextInt(40), POOL);
            if (Words.runs(query).isEmpty()) {
                continue;
            }
            Highlighter h = new Highlighter(query);
            List<int[]> fast = h.hits(text);
            List<int[]> slow = h.normalizedHits(text);
            assertEquals(spans(slow), spans(fast), "q=" + query + " text=" + text);
            if (!fast.isEmpty()) {
                shortcut++;
            }
        }
        assertTrue(shortcut > 100, "enough texts with hits to compare: " + shortcut);
    }

    @Test
    void aTextThatIsNotNfkcOrAWordWithLettersTakesTheNormalizedText() {
        // 豈 (U+F900) is 豈 after NFKC, ⼀ is 一, Ａ is a: found only through the normalized text
        assertEquals("[[0, 1]]", spans(new Highlighter("豈").hits("豈的")));
        assertEquals("[[1, 2]]", spans(new Highlighter("一").hits("第⼀")));
        assertEquals("[[0, 1]]", spans(new Highlighter("a").hits("Ａ")));
        assertFalse(new Highlighter("一").hits("第二").size() > 0);
    }

    private static String text(Random random, int length, String... pool) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(pool[random.nextInt(pool.length)]);
        }
        return out.toString();
    }

    private static String spans(List<int[]> spans) {
        return Arrays.deepToString(spans.toArray());
    }
}
