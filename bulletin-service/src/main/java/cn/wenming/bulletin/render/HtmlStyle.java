package cn.wenming.bulletin.render;

/**
 * The style sheet of {@link HtmlLayout}: the GB/T 9704 page, the font lists of common CJK families and the
 * classes the layout writes. Kept apart so that the layout reads as the document's structure and this as its look.
 */
final class HtmlStyle {

    static final String TITLE_FONTS = "\"FZXiaoBiaoSong-B05S\", \"方正小标宋简体\", \"方正小标宋_GBK\", \"STZhongsong\", "
            + "\"华文中宋\", \"SimSun\", \"宋体\", \"Songti SC\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", "
            + "\"Source Han Serif CN\", \"AR PL UMing CN\", serif";
    /**
     * The masthead's heavy face, found among the installed fonts by name ({@code local()} only: nothing is
     * downloaded): 方正小标宋 or 华文中宋 where they exist, else the bold cut of Noto Serif CJK / Source Han Serif, so
     * that the red title is heavy without a synthesised bold. Falls back to {@link #TITLE_FONTS}.
     */
    static final String MASTHEAD_FACE = "@font-face { font-family: \"Bulletin Masthead\"; src: "
            + "local(\"FZXiaoBiaoSong-B05S\"), local(\"方正小标宋简体\"), local(\"FZXBSJW--GB1-0\"), "
            + "local(\"STZhongsong\"), local(\"华文中宋\"), local(\"Noto Serif CJK SC Bold\"), "
            + "local(\"NotoSerifCJKsc-Bold\"), local(\"Source Han Serif SC Bold\"), local(\"SourceHanSerifSC-Bold\"), "
            + "local(\"Source Han Serif CN Bold\"), local(\"SourceHanSerifCN-Bold\"); }";
    static final String BODY_FONTS = "\"FangSong\", \"仿宋\", \"FangSong_GB2312\", \"仿宋_GB2312\", \"STFangsong\", "
            + "\"华文仿宋\", \"Noto Serif CJK SC\", \"Source Han Serif SC\", \"Source Han Serif CN\", "
            + "\"AR PL UMing CN\", \"WenQuanYi Zen Hei\", serif";
    static final String NUMBER_FONTS = "\"SimSun\", \"宋体\", \"Songti SC\", \"Noto Serif CJK SC\", "
            + "\"Source Han Serif SC\", serif";

    private HtmlStyle() {
    }

    /**
     * The style sheet. Sizes follow GB/T 9704: body 三号仿宋 (16pt) on a 28.95pt line (22 lines of 28 characters in
     * the 156 × 225 mm text area), article titles 二号小标宋 (22pt), the colophon 四号仿宋 (14pt), page numbers 四号宋体;
     * the masthead is sized so that the series title fits one line of the text area.
     */
    static String css(String seriesTitle) {
        int chars = Math.max(1, seriesTitle.codePointCount(0, seriesTitle.length()));
        // 156 mm ≈ 442pt: leave room for the letter spacing; never larger than 二号×2 (44pt) nor smaller than 22pt
        int mastheadPt = Math.max(22, Math.min(40, 420 / chars - 2));
        return """
                @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
                %5$s
                @page :right { @bottom-right { content: "— " counter(page) " —"; font-family: %3$s; font-size: 14pt; vertical-align: top; padding-top: 7mm; margin-right: 1em; } }
                @page :left { @bottom-left { content: "— " counter(page) " —"; font-family: %3$s; font-size: 14pt; vertical-align: top; padding-top: 7mm; margin-left: 1em; } }
                * { box-sizing: border-box; }
                html { background: #e9e9e9; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                body { margin: 0; padding: 24px 0; color: #000; font-family: %2$s; font-size: 16pt; line-height: 28.95pt; }
                .sheet { position: relative; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .25); }
                .masthead { text-align: center; color: #000; }
                .series-title { margin: 0 0 8mm; color: #e60012; font-family: "Bulletin Masthead", %1$s; font-size: %4$dpt; font-weight: normal; line-height: 1.25; letter-spacing: .06em; text-indent: .06em; }
                .issue-no, .cumulative-no { margin: 0; font-family: %2$s; font-size: 16pt; line-height: 28.95pt; }
                .issuer-line { display: flex; justify-content: space-between; align-items: baseline; margin-top: 4mm; padding: 0 1em; font-size: 16pt; }
                .red-rule { height: 5px; margin: 2mm 0 10mm; border-top: 2.5px solid #e60012; border-bottom: 1px solid #e60012; }
                .articles { text-align: justify; }
                .article + .article { margin-top: 14pt; }
                .article-title { margin: 0 0 14pt; font-family: %1$s; font-size: 22pt; font-weight: bold; line-height: 1.45; text-align: center; text-wrap: balance; break-after: avoid; page-break-after: avoid; }
                .article p { margin: 0; text-indent: 2em; orphans: 2; widows: 2; overflow-wrap: anywhere; }
                .article p.source-alone { text-align: right; text-indent: 0; }
                .colophon { margin-top: 20mm; font-size: 14pt; line-height: 22pt; break-inside: avoid; page-break-inside: avoid; }
                .colophon p { margin: 0; }
                .editors, .contacts { padding: 0 1em; }
                .distribution { margin-top: 3mm; padding: 1.5mm 1em; border-top: .35mm solid #000; border-bottom: .35mm solid #000; }
                .dist { padding-left: 2em; overflow-wrap: anywhere; }
                .dist::first-letter { float: left; width: 2em; margin-left: -2em; }
                .dist.additions { padding-left: 0; }
                .dist.additions::first-letter { float: none; width: auto; margin-left: 0; }
                .print-run { padding: 1mm 1em 0; text-align: right; }
                .status-banner { position: sticky; top: 0; z-index: 2; width: 210mm; margin: -24px auto 16px; padding: 6px 12px; border: 1px solid #d4a017; background: #fff4cc; color: #6b4e00; font-size: 12pt; line-height: 1.5; text-align: center; }
                .watermark { position: fixed; top: 50%%; left: 0; right: 0; z-index: 1; color: rgba(230, 0, 18, .10); font-family: %1$s; font-size: 120pt; line-height: 1; text-align: center; transform: translateY(-50%%) rotate(-30deg); pointer-events: none; user-select: none; }
                @media print {
                  html { background: none; }
                  body { padding: 0; }
                  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
                  .status-banner { display: none; }
                }
                @media screen and (max-width: 210mm) {
                  .sheet, .status-banner { width: auto; }
                  .sheet { padding: 12mm 6mm; }
                }
                """.formatted(TITLE_FONTS, BODY_FONTS, NUMBER_FONTS, mastheadPt, MASTHEAD_FACE);
    }
}
