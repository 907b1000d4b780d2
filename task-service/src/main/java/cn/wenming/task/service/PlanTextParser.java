package cn.wenming.task.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.task.domain.ChineseNumerals;

/**
 * Reads a work plan from its text, as the bulletin prints it (the seed's second article):
 *
 * <pre>
 * 2020年首都精神文明建设工作 聚焦四个方面 23项重点任务          ← header: title, then summary
 * 2020年是全面建成小康社会……                                  ← preamble
 * 第一,深入推进新时代公民道德建设工程。围绕……氛围。(1)依托“北京榜样”传播道德力量。(2)……
 * 第二,……
 * (本刊)                                                       ← source
 * </pre>
 *
 * Areas start at {@code 第一,} … (a full-width {@code ，} or {@code 、} too) at the start of a
 * sentence; the heading's first sentence is the area's title, the rest up to its first task its
 * description. Tasks start at {@code (1)} … (full-width parentheses and digits too) at the start of
 * a sentence, or anywhere when the number is the next one expected; the first sentence is the
 * title (without the closing {@code 。}), the rest its description. Lines are joined without a
 * space (Chinese has none), so a task or sentence split over a line break, even with a blank line
 * between, is whole again. The text's own punctuation is kept.
 * <p>
 * Tasks are numbered 1..N in the order read. Whatever does not add up is a warning, never a
 * silent change: the counts the header claims ({@code 四个方面}, {@code 23项}), printed numbers out
 * of sequence, ordinals out of order, an area without tasks, tasks before the first area. A text
 * with no area or no task is not a plan (400).
 */
public final class PlanTextParser {

    public record Warning(String kind, String message) {
    }

    public record ParsedTask(int number, String title, String description) {
    }

    public record ParsedArea(int seq, String title, String description, List<ParsedTask> tasks) {
    }

    public record ParsedPlan(Integer year, String title, String summary, String preamble, String source,
            Integer claimedAreas, Integer claimedTasks, List<ParsedArea> areas, List<Warning> warnings) {

        public int taskCount() {
            return areas.stream().mapToInt(a -> a.tasks().size()).sum();
        }
    }

    private static final Pattern AREA = Pattern.compile("第([一二三四五六七八九十]{1,3})[,，、]");
    private static final Pattern TASK = Pattern.compile("[(（]\\s*([0-9０-９]{1,3})\\s*[)）]");
    private static final Pattern SOURCE = Pattern.compile("[(（]([^()（）0-9０-９]{1,30})[)）]\\s*$");
    private static final Pattern YEAR = Pattern.compile("^([0-9]{4})\\s*年");
    private static final Pattern CLAIMED_AREAS = Pattern.compile("([一二三四五六七八九十两0-9０-９]{1,3})\\s*个方面");
    private static final Pattern CLAIMED_TASKS = Pattern.compile("([一二三四五六七八九十两0-9０-９]{1,3})\\s*项");
    private static final String SENTENCE_ENDS = "。！？；!?;";

    private record Marker(boolean area, int start, int end, int value) {
    }

    private PlanTextParser() {
    }

    public static ParsedPlan parse(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            throw notAPlan("文本为空 (the text is empty)");
        }
        String header = null;
        List<String> bodyLines = lines;
        if (!startsWithArea(lines.get(0))) {
            header = lines.get(0).replaceAll("[\\s\u3000]+", " ");
            bodyLines = lines.subList(1, lines.size());
        }
        String body = join(bodyLines);
        String source = null;
        Matcher src = SOURCE.matcher(body);
        if (src.find()) {
            source = src.group(1).strip();
            body = body.substring(0, src.start()).strip();
        }

        List<Marker> markers = markers(body);
        List<Warning> warnings = new ArrayList<>();
        String preamble = null;
        List<ParsedArea> areas = new ArrayList<>();
        List<ParsedTask> current = null;
        String areaTitle = null;
        String areaDescription = null;
        int lastPrinted = 0;
        int number = 0;
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            if (i == 0 && m.start() > 0) {
                preamble = blankToNull(body.substring(0, m.start()));
            }
            String segment = body.substring(m.end(), i + 1 < markers.size() ? markers.get(i + 1).start() : body.length()).strip();
            String[] split = firstSentence(segment);
            if (m.area()) {
                if (current != null) {
                    areas.add(area(areas.size() + 1, areaTitle, areaDescription, current, warnings));
                }
                int seq = areas.size() + 1;
                if (m.value() != seq) {
                    warnings.add(new Warning("AREA_ORDER", "第" + ChineseNumerals.of(seq) + "个方面印作“第" + ChineseNumerals.of(m.value())
                            + "”，已按出现顺序排为" + ChineseNumerals.ordinal(seq) + " (area " + seq + " is printed as " + m.value()
                            + "; areas are taken in the order they appear)"));
                }
                areaTitle = split[0];
                areaDescription = split[1];
                current = new ArrayList<>();
                continue;
            }
            if (current == null) {
                warnings.add(new Warning("UNPLACED", "任务(" + m.value() + ")出现在第一个方面之前，未导入：" + abbreviate(segment)
                        + " (a task before the first area is not imported)"));
                continue;
            }
            if (split[0].isEmpty()) {
                warnings.add(new Warning("EMPTY_TASK", "任务(" + m.value() + ")没有内容，未导入 (task " + m.value() + " has no text and is not imported)"));
                continue;
            }
            number++;
            if (m.value() != lastPrinted + 1) {
                warnings.add(new Warning("NUMBERING", "任务(" + m.value() + ")紧接在(" + lastPrinted + ")之后，已按顺序编为(" + number
                        + ") (task " + m.value() + " follows " + lastPrinted + "; it is numbered " + number + ")"));
            }
            lastPrinted = m.value();
            current.add(new ParsedTask(number, split[0], split[1]));
        }
        if (current != null) {
            areas.add(area(areas.size() + 1, areaTitle, areaDescription, current, warnings));
        }
        if (areas.isEmpty()) {
            throw notAPlan("没有找到“第一,”这样的方面标题，这段文字不是工作要点 (no area heading such as 第一, was found: the text is not a work plan)");
        }
        int tasks = areas.stream().mapToInt(a -> a.tasks().size()).sum();
        if (tasks == 0) {
            throw notAPlan("没有找到“(1)”这样的任务，这段文字不是工作要点 (no numbered task such as (1) was found: the text is not a work plan)");
        }

        String title = header;
        String summary = null;
        if (header != null) {
            int space = header.indexOf(' ');
            if (space > 0) {
                title = header.substring(0, space);
                summary = header.substring(space + 1);
            }
        }
        Integer year = null;
        if (title != null) {
            Matcher y = YEAR.matcher(title);
            if (y.find()) {
                year = Integer.valueOf(y.group(1));
            }
        }
        Integer claimedAreas = claim(CLAIMED_AREAS, header, preamble);
        Integer claimedTasks = claim(CLAIMED_TASKS, header, preamble);
        if (claimedAreas != null && claimedAreas != areas.size()) {
            warnings.add(new Warning("AREA_COUNT", "标题称" + ChineseNumerals.of(claimedAreas) + "个方面，实际读出 " + areas.size()
                    + " 个 (the header claims " + claimedAreas + " areas; " + areas.size() + " were read)"));
        }
        if (claimedTasks != null && claimedTasks != tasks) {
            warnings.add(new Warning("TASK_COUNT", "标题称 " + claimedTasks + " 项任务，实际读出 " + tasks + " 项 (the header claims "
                    + claimedTasks + " tasks; " + tasks + " were read)"));
        }
        return new ParsedPlan(year, title, summary, preamble, source, claimedAreas, claimedTasks, areas, warnings);
    }

    /** Non-blank lines, stripped (a BOM, full-width spaces and CR too). */
    static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Joined without a separator, except between two ASCII letters or digits (an English word or a number split in two). */
    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0 && asciiAlnum(out.charAt(out.length() - 1)) && asciiAlnum(line.charAt(0))) {
                out.append(' ');
            }
            out.append(line);
        }
        return out.toString();
    }

    private static boolean asciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean startsWithArea(String line) {
        Matcher m = AREA.matcher(line);
        return m.lookingAt();
    }

    /** Area headings and task markers at the start of a sentence (a task also anywhere when its number is the next). */
    private static List<Marker> markers(String body) {
        List<Marker> found = new ArrayList<>();
        Matcher a = AREA.matcher(body);
        while (a.find()) {
            int value = ChineseNumerals.parse(a.group(1));
            if (value > 0 && sentenceStart(body, a.start())) {
                found.add(new Marker(true, a.start(), a.end(), value));
            }
        }
        Matcher t = TASK.matcher(body);
        List<Marker> tasks = new ArrayList<>();
        while (t.find()) {
            tasks.add(new Marker(false, t.start(), t.end(), ChineseNumerals.parse(t.group(1))));
        }
        found.sort(Comparator.comparingInt(Marker::start));
        List<Marker> all = new ArrayList<>(found);
        int expected = 1;
        for (Marker m : tasks) {
            boolean insideHeading = found.stream().anyMatch(h -> h.start() < m.start() && m.start() < headingEnd(body, h));
            if (!insideHeading && (sentenceStart(body, m.start()) || m.value() == expected)) {
                all.add(m);
                expected = m.value() + 1;
            }
        }
        all.sort(Comparator.comparingInt(Marker::start));
        return all;
    }

    /** Where an area heading's title sentence ends: a task marker inside it is part of the title. */
    private static int headingEnd(String body, Marker heading) {
        int end = body.indexOf('。', heading.end());
        return end < 0 ? heading.end() : end;
    }

    private static boolean sentenceStart(String body, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(body.charAt(i))) {
            i--;
        }
        return i < 0 || SENTENCE_ENDS.indexOf(body.charAt(i)) >= 0;
    }

    /** The first sentence without its {@code 。}, and the rest (null when empty). */
    private static String[] firstSentence(String segment) {
        int end = segment.indexOf('。');
        String first = end < 0 ? segment : segment.substring(0, end);
        String rest = end < 0 ? "" : segment.substring(end + 1);
        first = first.strip();
        while (!first.isEmpty() && "；;，,".indexOf(first.charAt(first.length() - 1)) >= 0) {
            first = first.substring(0, first.length() - 1).strip();
        }
        return new String[] { first, blankToNull(rest) };
    }

    private static ParsedArea area(int seq, String title, String description, List<ParsedTask> tasks, List<Warning> warnings) {
        if (tasks.isEmpty()) {
            warnings.add(new Warning("EMPTY_AREA", ChineseNumerals.ordinal(seq) + "个方面“" + abbreviate(title) + "”下没有任务 (area "
                    + seq + " has no task)"));
        }
        return new ParsedArea(seq, title, description, List.copyOf(tasks));
    }

    private static Integer claim(Pattern pattern, String header, String preamble) {
        for (String text : new String[] { header, preamble }) {
            if (text != null) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    int value = ChineseNumerals.parse(m.group(1));
                    if (value >= 0) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }

    private static ProblemException notAPlan(String detail) {
        return new ProblemException(ProblemType.BAD_REQUEST, detail);
    }
}
