package cn.wenming.bulletin.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text as the database's {@code search_normalize} (V3__search.sql) sees it: NFKC, lower case, and anything but
 * letters and digits separating words. The query's words and the highlighter's hits are found this way, so that
 * what is marked is what the database found.
 */
final class Words {

    private Words() {
    }

    /** A text as search_normalize sees it, with the span of the original behind each of its chars. */
    record Normalized(String text, int[] from, int[] to) {
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
