package cn.wenming.bulletin.render;

import java.util.List;
import java.util.Map;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.DistributionPart;

/**
 * An issue in the plain-text layout of the printed bulletin (the seed's layout): blocks separated by a
 * blank line, in the order of the printed page. {@code BulletinText.parse} (the import) reads
 * this layout back into the same structure.
 */
public final class TextLayout {

    private TextLayout() {
    }

    /** The whole text for {@code b}. */
    public static String render(Bulletin b) {
        StringBuilder out = new StringBuilder();
        block(out, b.series.title);
        if (b.issueNo != null) {
            block(out, "第" + b.issueNo + "期");
            block(out, "(总第" + b.cumulativeNo + "期)");
        }
        block(out, b.series.issuingOrg);
        if (b.issueDate != null) {
            block(out, b.issueDate.getYear() + "年" + b.issueDate.getMonthValue() + "月" + b.issueDate.getDayOfMonth() + "日");
        }
        for (Article a : b.articles) {
            block(out, a.title);
            for (int k = 0; k < a.paragraphs.size(); k++) {
                boolean last = k == a.paragraphs.size() - 1;
                String p = a.paragraphs.get(k);
                block(out, last && a.source != null && !a.source.isBlank() ? p + "(" + a.source + ")" : p);
            }
            if (a.paragraphs.isEmpty() && a.source != null) {
                block(out, "(" + a.source + ")");
            }
        }
        if (b.editor != null) {
            block(out, "责编:" + b.editor);
        }
        if (b.reviewer != null) {
            block(out, "核稿:" + b.reviewer);
        }
        if (b.series.phone != null) {
            block(out, "电话:" + b.series.phone);
        }
        if (b.series.fax != null) {
            block(out, "传真:" + b.series.fax);
        }
        if (b.series.email != null) {
            block(out, "邮箱:" + b.series.email);
        }
        Map<DistributionPart, String> marks = Map.of(DistributionPart.REPORT, "报", DistributionPart.SEND, "送", DistributionPart.ISSUE, "发");
        for (DistributionPart part : DistributionPart.values()) {
            List<String> groups = b.distribution.get(part);
            if (groups != null && !groups.isEmpty()) {
                block(out, marks.get(part) + ":" + String.join(",", groups) + "。");
            }
        }
        if (!b.additions.isEmpty()) {
            block(out, "本期增发:" + String.join(",", b.additions) + "。");
        }
        if (b.printRun != null) {
            block(out, "印数:" + b.printRun);
        }
        return out.toString();
    }

    private static void block(StringBuilder out, String text) {
        if (text != null && !text.isBlank()) {
            out.append(text).append("\n\n");
        }
    }
}
