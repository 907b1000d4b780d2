package cn.wenming.bulletin.parse;

import java.util.ArrayList;
import java.util.List;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/**
 * Reads the text of a printed issue (as extracted from its PDF, quirks included), in named steps:
 * the text becomes blocks ({@link PdfText}), then the masthead is read ({@link Masthead}), the articles
 * ({@link ArticleReader}) and the foot with its labelled fields and 报/送/发 lines ({@link Foot}); what a
 * bulletin cannot lack is required, what it may lack is a warning. The writing half is
 * {@code render/TextLayout}: rendering and parsing again yields the same structure.
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

    private BulletinText() {
    }

    /**
     * Reads the text of an issue. A text that is not a bulletin (empty, binary, another kind of
     * document) is a 400 problem naming what is missing.
     */
    public static Reading parse(String text) {
        requireText(text);
        List<String> warnings = new ArrayList<>();
        List<String> blocks = PdfText.blocks(text);
        Masthead masthead = Masthead.read(blocks, warnings);
        int footStart = Foot.start(blocks, masthead.end());
        List<ParsedBulletin.Article> articles = ArticleReader.read(blocks.subList(masthead.end(), footStart), warnings);
        Foot foot = Foot.read(blocks.subList(footStart, blocks.size()), warnings);
        requireBulletin(masthead, articles);
        warnAboutGaps(masthead, foot, warnings);
        return new Reading(reading(masthead, articles, foot, warnings), warnings);
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw notABulletin(List.of(new Problem.FieldError("text", "文本为空 (the text is empty)")));
        }
        if (PdfText.looksBinary(text)) {
            throw notABulletin(List.of(new Problem.FieldError("text", "不是文本（含控制字符或无法解码的字节）(not text: binary content)")));
        }
    }

    /** What makes a text a bulletin: a masthead title, an issue number, a date and an article. */
    private static void requireBulletin(Masthead masthead, List<ParsedBulletin.Article> articles) {
        List<Problem.FieldError> missing = new ArrayList<>();
        if (masthead.seriesTitle() == null) {
            missing.add(new Problem.FieldError("series.title", "缺少报头（简报名称）(no masthead title)"));
        }
        if (masthead.issueNo() == null) {
            missing.add(new Problem.FieldError("issueNo", "缺少“第N期” (no issue number)"));
        }
        if (masthead.date() == null) {
            missing.add(new Problem.FieldError("issueDate", "缺少“YYYY年M月D日”日期 (no issue date)"));
        }
        if (articles.isEmpty()) {
            missing.add(new Problem.FieldError("articles", "没有文章 (no article)"));
        }
        if (!missing.isEmpty()) {
            throw notABulletin(missing);
        }
    }

    /** What a bulletin usually has and this one lacks: warnings, the reading stands. */
    private static void warnAboutGaps(Masthead masthead, Foot foot, List<String> warnings) {
        if (masthead.cumulativeNo() == null) {
            warnings.add("缺少“(总第N期)” (no cumulative number)");
        }
        if (masthead.office() == null) {
            warnings.add("缺少印发单位 (no issuing office)");
        }
        for (String key : List.of("责编", "核稿")) {
            if (!foot.has(key)) {
                warnings.add("缺少" + key + " (no " + (key.equals("责编") ? "editor" : "reviewer") + ")");
            }
        }
        if (foot.distribution().isEmpty()) {
            warnings.add("缺少报/送/发 (no distribution block)");
        }
    }

    private static ParsedBulletin reading(Masthead masthead, List<ParsedBulletin.Article> articles, Foot foot, List<String> warnings) {
        ParsedBulletin.Contact contact = foot.has("电话") || foot.has("传真") || foot.has("邮箱")
                ? new ParsedBulletin.Contact(foot.field("电话"), foot.field("传真"), foot.field("邮箱"))
                : null;
        Integer printRun = printRun(foot, warnings);
        return new ParsedBulletin(new ParsedBulletin.Series(masthead.seriesTitle(), masthead.office()), masthead.date().getYear(),
                masthead.issueNo(), masthead.cumulativeNo(), masthead.date(), foot.field("责编"), foot.field("核稿"), contact, articles,
                foot.distribution(), foot.additions().isEmpty() ? null : foot.additions(), printRun);
    }

    /** {@code 印数:300份} is 300; a print run that is no number is a warning. */
    private static Integer printRun(Foot foot, List<String> warnings) {
        if (!foot.has("印数")) {
            return null;
        }
        try {
            return Integer.valueOf(foot.field("印数").replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            warnings.add("印数不是数字 (print run is not a number): " + foot.field("印数"));
            return null;
        }
    }

    private static ProblemException notABulletin(List<Problem.FieldError> missing) {
        return new ProblemException(ProblemType.VALIDATION, "这不是一期简报的文本 (not the text of a bulletin issue): "
                + String.join("; ", missing.stream().map(Problem.FieldError::message).toList()), missing);
    }
}
