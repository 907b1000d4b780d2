package cn.wenming.bulletin.render;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.DistributionPart;

/**
 * The official printed layout of an issue as one self-contained HTML5 document, in the GB/T 9704 style of
 * Chinese official briefings (简报): the series title as a red masthead, 第N期 and (总第N期), the issuing office and
 * the date, a red double rule, the articles (title centred, paragraphs indented two characters, the source mark
 * right after the last paragraph), then 责编/核稿, the contacts and the 报/送/发 block between black rules.
 *
 * <p>The document is A4 ({@code @page}, margins of GB/T 9704), printable from a browser, and has no external
 * resource at all: CSS inline, fonts named from lists of common CJK families, no image, no script, no link (a
 * Content-Security-Policy {@code default-src 'none'} keeps it so). Every text value is HTML-escaped.
 *
 * <p>An issue that is not PUBLISHED carries a screen-only banner naming its status and a light watermark (草稿,
 * 待审, …) that does print, so that a proof is never taken for the issued bulletin. Unnumbered issues show blank
 * numbers ({@code 第　期}, {@code (总第　期)}).
 *
 * <p>Reads the issue, its series and its articles: call it where they can be loaded (inside a transaction).
 * The style sheet is {@link HtmlStyle}. See {@code docs/layout.md}.
 */
@ApplicationScoped
public class HtmlLayout {

    /** Between items on one line of the foot (责编 … 核稿 …, 电话 … 传真 …): an ideographic space. */
    static final String GAP = "\u3000";
    /** A blank number on an unpublished issue. */
    static final String BLANK = "\u3000";

    /** The whole document for {@code b}; never null. */
    public String render(Bulletin b) {
        Objects.requireNonNull(b, "bulletin");
        BulletinSeries series = b.series;
        String seriesTitle = series == null ? "" : nz(series.title);
        String issuingOrg = series == null ? "" : nz(series.issuingOrg);
        boolean published = b.status == BulletinStatus.PUBLISHED;

        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(documentTitle(b, seriesTitle))).append("</title>\n")
                .append("<style>\n").append(HtmlStyle.css(seriesTitle)).append("</style>\n</head>\n");
        h.append("<body class=\"").append(published ? "published" : "unpublished").append("\">\n");
        if (!published) {
            String label = statusLabel(b.status);
            h.append("<div class=\"status-banner\" role=\"note\">").append(escape(label)).append(" · ")
                    .append(escape(statusNote(b.status))).append("</div>\n");
            h.append("<div class=\"watermark\" aria-hidden=\"true\">").append(escape(label)).append("</div>\n");
        }
        h.append("<div class=\"sheet\">\n");
        masthead(h, b, seriesTitle, issuingOrg);
        h.append("<main class=\"articles\">\n");
        List<Article> articles = b.articles == null ? List.of() : b.articles;
        for (Article a : articles) {
            if (a != null) {
                article(h, a);
            }
        }
        h.append("</main>\n");
        foot(h, b, series);
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void masthead(StringBuilder h, Bulletin b, String seriesTitle, String issuingOrg) {
        h.append("<header class=\"masthead\">\n")
                .append("<h1 class=\"series-title\">").append(escape(seriesTitle)).append("</h1>\n")
                .append("<p class=\"issue-no\">第").append(b.issueNo == null ? BLANK : b.issueNo).append("期</p>\n")
                .append("<p class=\"cumulative-no\">(总第").append(b.cumulativeNo == null ? BLANK : b.cumulativeNo)
                .append("期)</p>\n")
                .append("<div class=\"issuer-line\"><span class=\"issuer\">").append(escape(issuingOrg))
                .append("</span><span class=\"issue-date\">").append(escape(chineseDate(b.issueDate)))
                .append("</span></div>\n")
                .append("<div class=\"red-rule\" role=\"presentation\"></div>\n")
                .append("</header>\n");
    }

    private static void article(StringBuilder h, Article a) {
        h.append("<section class=\"article\">\n<h2 class=\"article-title\">").append(escape(nz(a.title)))
                .append("</h2>\n");
        List<String> paragraphs = new ArrayList<>();
        if (a.paragraphs != null) {
            for (String p : a.paragraphs) {
                if (p != null && !p.isBlank()) {
                    paragraphs.add(p.strip());
                }
            }
        }
        String source = sourceMark(a.source);
        if (paragraphs.isEmpty() && source != null) {
            h.append("<p class=\"source-alone\"><span class=\"source\">").append(escape(source))
                    .append("</span></p>\n");
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            h.append("<p>").append(escape(paragraphs.get(i)));
            if (i == paragraphs.size() - 1 && source != null) {
                // as printed: the source mark follows the last sentence directly
                h.append("<span class=\"source\">").append(escape(source)).append("</span>");
            }
            h.append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void foot(StringBuilder h, Bulletin b, BulletinSeries series) {
        h.append("<footer class=\"colophon\">\n");
        List<String> editors = new ArrayList<>();
        if (!isBlank(b.editor)) {
            editors.add("责编:" + b.editor.strip());
        }
        if (!isBlank(b.reviewer)) {
            editors.add("核稿:" + b.reviewer.strip());
        }
        if (!editors.isEmpty()) {
            h.append("<p class=\"editors\">").append(escape(String.join(GAP, editors))).append("</p>\n");
        }
        List<String> contacts = new ArrayList<>();
        if (series != null) {
            if (!isBlank(series.phone)) {
                contacts.add("电话:" + series.phone.strip());
            }
            if (!isBlank(series.fax)) {
                contacts.add("传真:" + series.fax.strip());
            }
            if (!isBlank(series.email)) {
                contacts.add("邮箱:" + series.email.strip());
            }
        }
        if (!contacts.isEmpty()) {
            h.append("<p class=\"contacts\">").append(escape(String.join(GAP, contacts))).append("</p>\n");
        }
        h.append("<div class=\"distribution\">\n");
        Map<DistributionPart, List<String>> distribution = b.distribution == null ? Map.of() : b.distribution;
        for (DistributionPart part : DistributionPart.values()) {
            String groups = groups(distribution.get(part));
            if (groups != null) {
                h.append("<p class=\"dist dist-").append(part.name().toLowerCase(java.util.Locale.ROOT))
                        .append("\">").append(escape(partLabel(part) + ":" + groups)).append("</p>\n");
            }
        }
        String additions = groups(b.additions);
        if (additions != null) {
            h.append("<p class=\"dist additions\">").append(escape("本期增发:" + additions)).append("</p>\n");
        }
        h.append("</div>\n");
        if (b.printRun != null) {
            h.append("<p class=\"print-run\">(共印").append(b.printRun).append("份)</p>\n");
        }
        h.append("</footer>\n");
    }

    /** {@code 报}, {@code 送}, {@code 发}. */
    static String partLabel(DistributionPart part) {
        return switch (part) {
            case REPORT -> "报";
            case SEND -> "送";
            case ISSUE -> "发";
        };
    }

    /** The groups joined with {@code ,} and ending {@code 。}, or null when there is none. */
    static String groups(List<String> groups) {
        if (groups == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String g : groups) {
            if (g != null) {
                String s = g.strip();
                while (s.endsWith("。") || s.endsWith(",") || s.endsWith("，")) {
                    s = s.substring(0, s.length() - 1).strip();
                }
                if (!s.isEmpty()) {
                    kept.add(s);
                }
            }
        }
        return kept.isEmpty() ? null : String.join(",", kept) + "。";
    }

    /** {@code (本刊)} for {@code 本刊} (parentheses it already has are not doubled), or null without a source. */
    static String sourceMark(String source) {
        if (isBlank(source)) {
            return null;
        }
        String s = source.strip();
        if ((s.startsWith("(") || s.startsWith("（")) && (s.endsWith(")") || s.endsWith("）"))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : "(" + s + ")";
    }

    /** {@code 2020年4月24日}; blanks ({@code 　　年　月　日}) without a date. */
    public static String chineseDate(LocalDate date) {
        if (date == null) {
            return BLANK + BLANK + "年" + BLANK + "月" + BLANK + "日";
        }
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** {@code 首都精神文明建设情况简报 2020年第17期}, or the series title and the status for an unnumbered issue. */
    static String documentTitle(Bulletin b, String seriesTitle) {
        Integer year = b.year != null ? b.year : b.issueDate != null ? Integer.valueOf(b.issueDate.getYear()) : null;
        String title = seriesTitle.isEmpty() ? "简报" : seriesTitle;
        if (b.issueNo != null) {
            title += " " + (year != null ? year + "年" : "") + "第" + b.issueNo + "期";
        }
        if (b.status != BulletinStatus.PUBLISHED) {
            title += "（" + statusLabel(b.status) + "）";
        }
        return title;
    }

    /** The word in the banner and the watermark of an issue that is not PUBLISHED. */
    static String statusLabel(BulletinStatus status) {
        if (status == null) {
            return "预览";
        }
        return switch (status) {
            case DRAFT -> "草稿";
            case SUBMITTED -> "待审";
            case APPROVED -> "待印发";
            case PUBLISHED -> "已印发";
            case RECALLED -> "已撤回";
        };
    }

    private static String statusNote(BulletinStatus status) {
        if (status == null) {
            return "尚未保存，仅供核对";
        }
        return switch (status) {
            case DRAFT -> "本期尚未送审，仅供编辑";
            case SUBMITTED -> "已送审，尚未核稿";
            case APPROVED -> "已核稿，尚未印发";
            case PUBLISHED -> "";
            case RECALLED -> "本期已撤回，不再有效";
        };
    }

    /**
     * HTML-escapes {@code & < > " '} (text and attribute values alike) and drops control characters that HTML does
     * not allow (all C0 controls but tab, line feed and carriage return, DEL, C1 controls, noncharacters).
     */
    public static String escape(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                            || c == '\uFFFE' || c == '\uFFFF') {
                        continue;
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
