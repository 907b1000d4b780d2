package cn.wenming.bulletin.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The first step of reading: what a PDF's text extraction does to the printed page, undone. The text
 * becomes blocks (runs of non-empty lines; blank lines separate them), with the spaces that wrapping
 * leaves between Chinese characters dropped. Also the character tests the later steps share.
 */
final class PdfText {

    static final String SENTENCE_END = "。！？!?；;…";
    private static final String CLOSING = "”’」』）)》";

    private PdfText() {
    }

    /** Blocks of text: runs of non-empty lines, joined; blank lines separate blocks. */
    static List<String> blocks(String text) {
        String normal = text.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ');
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : normal.split("\n", -1)) {
            String l = line.strip();
            if (l.isEmpty()) {
                if (current != null) {
                    blocks.add(tidy(current.toString()));
                    current = null;
                }
            } else if (current == null) {
                current = new StringBuilder(l);
            } else {
                current = new StringBuilder(join(current.toString(), l));
            }
        }
        if (current != null) {
            blocks.add(tidy(current.toString()));
        }
        return blocks;
    }

    /** Joins two pieces of one sentence: no space between Chinese characters, one otherwise. */
    static String join(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a + b;
        }
        boolean space = !isCjk(a.charAt(a.length() - 1)) && !isCjk(b.charAt(0))
                && Character.isLetterOrDigit(a.charAt(a.length() - 1)) && Character.isLetterOrDigit(b.charAt(0));
        return a + (space ? " " : "") + b;
    }

    /** Collapses runs of spaces; drops spaces between two Chinese characters (PDF wrap artefacts). */
    static String tidy(String s) {
        String collapsed = s.replaceAll("[ \\t\\u3000]+", " ");
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < collapsed.length(); k++) {
            char c = collapsed.charAt(k);
            if (c == ' ' && k > 0 && k + 1 < collapsed.length() && isCjk(collapsed.charAt(k - 1)) && isCjk(collapsed.charAt(k + 1))) {
                continue;
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    /**
     * Running text: also the spaces PDFs leave between Chinese and digits ({@code 4 月 17 日}) go.
     * Titles keep such spaces, where they may be meant ({@code 四个方面 23项重点任务}).
     */
    static String prose(String s) {
        String t = tidy(s);
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c == ' ' && k > 0 && k + 1 < t.length() && (isCjk(t.charAt(k - 1)) || isCjk(t.charAt(k + 1)))) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF')
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '—' || c == '…' || c == '、';
    }

    /** Whether {@code s} ends a sentence: sentence-final punctuation, perhaps followed by closing quotes or brackets. */
    static boolean endsSentence(String s) {
        String t = s.strip();
        int end = t.length() - 1;
        while (end >= 0 && CLOSING.indexOf(t.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && SENTENCE_END.indexOf(t.charAt(end)) >= 0;
    }

    /** Control characters or undecodable bytes: not the text of anything. */
    static boolean looksBinary(String text) {
        long bad = text.chars().filter(c -> c == 0 || c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')).count();
        return bad > 0 && bad * 100 > text.length() / 100 + 1 || text.indexOf('\0') >= 0;
    }
}
