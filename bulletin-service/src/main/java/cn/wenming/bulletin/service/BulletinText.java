package cn.wenming.bulletin.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/**
 * Reads the text of a printed issue (as extracted from its PDF, quirks included). Its writing
 * half is {@code render/TextLayout}: rendering and parsing again yields the same structure.
 *
 * <p>What PDFs do and how it is read:
 * <ul>
 * <li>full-width and ASCII punctuation mixed ({@code :：}, {@code ,，}, {@code ()（）}): every pattern
 * accepts both;</li>
 * <li>spaces inside {@code 第 17 期} and {@code 2020 年 4 月 24 日}: patterns allow them;</li>
 * <li>a line wrapped inside a block, or a space left where a title was wrapped
 * ({@code 背街小巷环境 精细化}): whitespace between two Chinese characters is dropped;</li>
 * <li>a paragraph split mid-sentence: a paragraph that does not end in sentence-final
 * punctuation continues in the next;</li>
 * <li>blank lines anywhere, also at the start;</li>
 * <li>the source mark {@code (本刊)} at the end of a paragraph or alone on a line: it closes the
 * article, and the next block is the next article's title.</li>
 * </ul>
 * Whatever cannot be placed is reported as a warning, never silently dropped.
 */
public final class BulletinText {

    /** The result: the reading and what could not be placed. */
    public record Reading(ParsedBulletin bulletin, List<String> warnings) {
    }

    private static final Pattern ISSUE_NO = Pattern.compile("^第\\s*(\\d+)\\s*期$");
    private static final Pattern CUMULATIVE_NO = Pattern.compile("^[（(]\\s*总\\s*第\\s*(\\d+)\\s*期\\s*[)）]$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    private static final Pattern SOURCE_AT_END = Pattern.compile("^(.*?[。！？!?；;…”’」』]?)\\s*[（(]\\s*([^()（）]{1,20}?)\\s*[)）]$", Pattern.DOTALL);
    private static final Pattern FOOT_FIELD = Pattern.compile("(责编|核稿|电话|传真|邮箱|E-?mail|印数)\\s*[:：]\\s*([^\\s　]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("^(报|送|发|本期增发)\\s*[:：]\\s*(.*)$", Pattern.DOTALL);
    private static final String SENTENCE_END = "。！？!?；;…";
    private static final String CLOSING = "”’」』）)》";
    private static final int TITLE_MAX = 80;

    private BulletinText() {
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Reads the text of an issue. A text that is not a bulletin (empty, binary, another kind of
     * document) is a 400 problem naming what is missing.
     */
    public static Reading parse(String text) {
        if (text == null || text.isBlank()) {
            throw notABulletin(List.of(new Problem.FieldError("text", "文本为空 (the text is empty)")));
        }
        if (looksBinary(text)) {
            throw notABulletin(List.of(new Problem.FieldError("text", "不是文本（含控制字符或无法解码的字节）(not text: binary content)")));
        }
        List<String> warnings = new ArrayList<>();
        List<String> blocks = blocks(text);
        int i = 0;

        // masthead: series title, 第N期, (总第N期), office, date, in that order as printed
        String seriesTitle = null;
        String office = null;
        Integer issueNo = null;
        Integer cumulativeNo = null;
        LocalDate date = null;
        while (i < blocks.size() && date == null && i < 8) {
            String b = blocks.get(i);
            Matcher m;
            if ((m = ISSUE_NO.matcher(b)).matches()) {
                issueNo = Integer.valueOf(m.group(1));
            } else if ((m = CUMULATIVE_NO.matcher(b)).matches()) {
                cumulativeNo = Integer.valueOf(m.group(1));
            } else if ((m = DATE.matcher(b)).find()) {
                date = date(m, warnings);
                String before = b.substring(0, m.start()).strip();
                if (!before.isEmpty()) {
                    office = before;
                }
            } else if (seriesTitle == null && issueNo == null) {
                seriesTitle = b;
            } else if (office == null && issueNo != null) {
                office = b;
            } else {
                warnings.add("报头中无法识别的一行 (an unplaced masthead line): " + b);
            }
            i++;
        }

        // foot: from the first block that starts with a foot field or a 报/送/发 part
        int foot = blocks.size();
        for (int k = i; k < blocks.size(); k++) {
            if (isFoot(blocks.get(k))) {
                foot = k;
                break;
            }
        }

        List<ParsedBulletin.Article> articles = articles(blocks.subList(i, foot), warnings);

        Map<String, String> fields = new LinkedHashMap<>();
        Map<DistributionPart, List<String>> distribution = new EnumMap<>(DistributionPart.class);
        List<String> additions = new ArrayList<>();
        String openPart = null;
        for (String b : blocks.subList(foot, blocks.size())) {
            Matcher part = PART.matcher(b);
            if (part.matches()) {
                openPart = part.group(1);
                addGroups(openPart, part.group(2), distribution, additions);
                continue;
            }
            Matcher f = FOOT_FIELD.matcher(b);
            boolean any = false;
            while (f.find()) {
                fields.put(f.group(1).toLowerCase().startsWith("e") ? "邮箱" : f.group(1), f.group(2));
                any = true;
            }
            if (any) {
                openPart = null;
            } else if (openPart != null) {
                addGroups(openPart, b, distribution, additions); // a 报/送/发 line wrapped
            } else {
                warnings.add("页脚中无法识别的一行 (an unplaced line at the foot): " + b);
            }
        }

        List<Problem.FieldError> missing = new ArrayList<>();
        if (seriesTitle == null) {
            missing.add(new Problem.FieldError("series.title", "缺少报头（简报名称）(no masthead title)"));
        }
        if (issueNo == null) {
            missing.add(new Problem.FieldError("issueNo", "缺少“第N期” (no issue number)"));
        }
        if (date == null) {
            missing.add(new Problem.FieldError("issueDate", "缺少“YYYY年M月D日”日期 (no issue date)"));
        }
        if (articles.isEmpty()) {
            missing.add(new Problem.FieldError("articles", "没有文章 (no article)"));
        }
        if (!missing.isEmpty()) {
            throw notABulletin(missing);
        }
        if (cumulativeNo == null) {
            warnings.add("缺少“(总第N期)” (no cumulative number)");
        }
        if (office == null) {
            warnings.add("缺少印发单位 (no issuing office)");
        }
        for (String key : List.of("责编", "核稿")) {
            if (!fields.containsKey(key)) {
                warnings.add("缺少" + key + " (no " + (key.equals("责编") ? "editor" : "reviewer") + ")");
            }
        }
        if (distribution.isEmpty()) {
            warnings.add("缺少报/送/发 (no distribution block)");
        }
        ParsedBulletin.Contact contact = fields.containsKey("电话") || fields.containsKey("传真") || fields.containsKey("邮箱")
                ? new ParsedBulletin.Contact(fields.get("电话"), fields.get("传真"), fields.get("邮箱"))
                : null;
        Integer printRun = null;
        if (fields.containsKey("印数")) {
            try {
                printRun = Integer.valueOf(fields.get("印数").replaceAll("\\D", ""));
            } catch (NumberFormatException e) {
                warnings.add("印数不是数字 (print run is not a number): " + fields.get("印数"));
            }
        }
        ParsedBulletin parsed = new ParsedBulletin(new ParsedBulletin.Series(seriesTitle, office), date.getYear(), issueNo,
                cumulativeNo, date, fields.get("责编"), fields.get("核稿"), contact, articles, distribution,
                additions.isEmpty() ? null : additions, printRun);
        return new Reading(parsed, warnings);
    }

    private static List<ParsedBulletin.Article> articles(List<String> body, List<String> warnings) {
        List<ParsedBulletin.Article> articles = new ArrayList<>();
        String title = null;
        List<String> paragraphs = new ArrayList<>();
        String pending = null; // a paragraph that has not ended yet
        boolean expectTitle = true;
        for (int k = 0; k < body.size(); k++) {
            String b = body.get(k);
            if (expectTitle) {
                title = b;
                paragraphs = new ArrayList<>();
                expectTitle = false;
                continue;
            }
            if (pending == null && title != null && !paragraphs.isEmpty() && looksLikeTitle(b, body, k)
                    && endsSentence(paragraphs.get(paragraphs.size() - 1))) {
                // an article without a source mark: the previous one ends here
                warnings.add("第" + (articles.size() + 1) + "篇文章没有来源标注，按标题格式分篇 (article "
                        + (articles.size() + 1) + " has no source mark; split at the next title)");
                articles.add(article(articles.size() + 1, title, null, paragraphs));
                title = b;
                paragraphs = new ArrayList<>();
                continue;
            }
            String text = pending == null ? b : join(pending, b);
            pending = null;
            Matcher source = SOURCE_AT_END.matcher(text);
            if (source.matches() && (source.group(1).isEmpty() || endsSentence(source.group(1)))) {
                if (!source.group(1).isBlank()) {
                    paragraphs.add(prose(source.group(1)));
                }
                if (paragraphs.isEmpty()) {
                    warnings.add("文章没有正文 (an article without paragraphs): " + title);
                }
                articles.add(article(articles.size() + 1, title, source.group(2).strip(), paragraphs));
                expectTitle = true;
                continue;
            }
            if (endsSentence(text)) {
                paragraphs.add(prose(text));
            } else {
                pending = text;
            }
        }
        if (pending != null) {
            warnings.add("最后一段没有结束标点 (the last paragraph has no closing punctuation): " + abbreviate(pending));
            paragraphs.add(prose(pending));
        }
        if (!expectTitle && title != null) {
            if (paragraphs.isEmpty()) {
                warnings.add("正文之后的一行无法归入文章 (a line after the articles could not be placed): " + title);
            } else {
                warnings.add("第" + (articles.size() + 1) + "篇文章没有来源标注 (article " + (articles.size() + 1) + " has no source mark)");
                articles.add(article(articles.size() + 1, title, null, paragraphs));
            }
        }
        return articles;
    }

    private static ParsedBulletin.Article article(int seq, String title, String source, List<String> paragraphs) {
        return new ParsedBulletin.Article(seq, title, source, List.copyOf(paragraphs), paragraphs.size());
    }

    /** A short block with no sentence punctuation at all, followed by more text: a title. */
    private static boolean looksLikeTitle(String b, List<String> body, int k) {
        return b.length() <= TITLE_MAX && b.chars().noneMatch(c -> SENTENCE_END.indexOf(c) >= 0) && k + 1 < body.size();
    }

    private static boolean isFoot(String b) {
        return PART.matcher(b).matches() || FOOT_FIELD.matcher(b).lookingAt();
    }

    private static void addGroups(String part, String text, Map<DistributionPart, List<String>> distribution, List<String> additions) {
        List<String> target = switch (part) {
            case "报" -> distribution.computeIfAbsent(DistributionPart.REPORT, p -> new ArrayList<>());
            case "送" -> distribution.computeIfAbsent(DistributionPart.SEND, p -> new ArrayList<>());
            case "发" -> distribution.computeIfAbsent(DistributionPart.ISSUE, p -> new ArrayList<>());
            default -> additions;
        };
        String groups = text.strip();
        while (!groups.isEmpty() && "。.；;".indexOf(groups.charAt(groups.length() - 1)) >= 0) {
            groups = groups.substring(0, groups.length() - 1);
        }
        for (String g : groups.split("[,，]")) {
            if (!g.isBlank()) {
                target.add(g.strip());
            }
        }
    }

    private static LocalDate date(Matcher m, List<String> warnings) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            warnings.add("日期无效 (an impossible date): " + m.group());
            return null;
        }
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

    private static boolean endsSentence(String s) {
        String t = s.strip();
        int end = t.length() - 1;
        while (end >= 0 && CLOSING.indexOf(t.charAt(end)) >= 0) {
            end--;
        }
        return end >= 0 && SENTENCE_END.indexOf(t.charAt(end)) >= 0;
    }

    private static boolean looksBinary(String text) {
        long bad = text.chars().filter(c -> c == 0 || c == 0xFFFD || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')).count();
        return bad > 0 && bad * 100 > text.length() / 100 + 1 || text.indexOf('\0') >= 0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }

    private static ProblemException notABulletin(List<Problem.FieldError> missing) {
        return new ProblemException(ProblemType.VALIDATION, "这不是一期简报的文本 (not the text of a bulletin issue): "
                + String.join("; ", missing.stream().map(Problem.FieldError::message).toList()), missing);
    }
}
