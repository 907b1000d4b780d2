package cn.wenming.bulletin.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks the query's words in a text, as HTML: every hit inside {@code <em>…</em>}, everything
 * else escaped ({@code & < > " '}), so a snippet is safe to show as HTML. It finds the words as
 * the database does ({@link Words}).
 */
final class Highlighter {

    /** Characters of context before the first hit in a snippet. */
    static final int BEFORE = 30;
    /** The longest snippet, in characters, without the ellipses. */
    static final int LENGTH = 120;
    static final String ELLIPSIS = "…";

    private final List<String> runs;
    /** Whether the words are CJK ideographs only, which every NFKC text holds as they are. */
    private final boolean ideographs;

    Highlighter(String query) {
        this.runs = Words.runs(query);
        this.ideographs = runs.stream().allMatch(run -> run.chars().allMatch(Words::ideograph));
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
        Words.Normalized n = Words.normalize(text);
        List<int[]> spans = new ArrayList<>();
        for (String run : runs) {
            for (int i = n.text().indexOf(run); i >= 0; i = n.text().indexOf(run, i + 1)) {
                spans.add(new int[] { n.from()[i], n.to()[i + run.length() - 1] });
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
}
