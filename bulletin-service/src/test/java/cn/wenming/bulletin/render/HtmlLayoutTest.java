package cn.wenming.bulletin.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.bulletin.domain.SeriesKind;

/**
 * The printed layout, on the seed issue (第17期, 总第2126期) built in memory from the values of
 * shared/seed/bulletin-2020-17.expected.json and the paragraphs of bulletin-2020-17.txt (article 1: 4 paragraphs,
 * article 2: 5, the one split in the PDF after 难点 joined). Writes the rendered seed issue to
 * {@code target/seed-issue.html}, which {@code docs/screenshot.sh} photographs.
 */
class HtmlLayoutTest {

    static final String SERIES = "首都精神文明建设情况简报";
    static final String TITLE_1 = "首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会召开";
    static final String TITLE_2 = "2020年首都精神文明建设工作 聚焦四个方面 23项重点任务";

    static final List<String> ARTICLE_1 = List.of(
            "4 月 17 日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会,蔡奇同志出席会议并作重要讲话。陈吉宁同志主持并宣读《关于表彰第七届首都道德模范的决定》《关于命名背街小巷环境整治提升和深化文明创建先进典型的通报》,杜飞进同志作《首都精神文明建设工作 2019 年工作总结和 2020 年工作要点》的报告,张家明同志部署《背街小巷环境精细化整治提升三年(2020—2022 年)行动方案》,国务院国资委党委宣传部副部长侯洁、西城区委书记卢映川、延庆区委书记穆鹏、昌平区龙泽苑社区党支部书记伊然分别发言。",
            "蔡奇同志强调,要深入学习贯彻习近平总书记关于精神文明建设的重要思想,结合疫情防控,因地因时因人制宜地推动精神文明建设和背街小巷环境精细化整治提升工作,弘扬新风尚,聚焦精细化,让城市更有底气温度、更加整洁安全,为打赢疫情防控阻击战和推动首都新发展提供强大精神力量和良好社会环境。",
            "蔡奇同志特别指出,要在疫情防控中深化对首都精神文明建设和背街小巷环境精细化整治提升的认识,在工作中突出首都站位、首要职责、首善标准,紧紧围绕首都城市战略定位谋划推进,始终把人民群众生命安全和身体健康放在第一位,充分运用疫情防控中形成的好做法、好经验,力争创造更多北京经验、北京样本。",
            "蔡奇同志要求,大力弘扬时代新风,把首都精神文明建设各项任务落到实处。持续弘扬和践行社会主义核心价值观,深入开展习近平新时代中国特色社会主义思想宣传教育,把广大干部群众在疫情防控中的感人事迹,作为开展爱国主义教育和思想道德建设最生动最鲜活教材,培育扶危济困、守望相助、文明有礼的社会公德。加强健康理念和传染病防控知识宣传,抓好文明行为促进、野生动物保护管理等条例落地实施,培育健康文明、绿色环保的生活方式。持续推进群众性精神文明创建活动,把文明城区创建与卫生城区创建结合起来,广泛开展爱国卫生运动。深化拓展新时代文明实践中心建设,使文明实践工作更加出彩。聚焦市民群众美好生活需要,实施好新一轮背街小巷环境精细化整治提升三年行动计划。围绕“十无五好”目标,细化精细化整治提升实施方案,突出精准施策的政策导向,努力实现街巷市容整洁、特色鲜明、环境宜居、文明有序。把背街小巷环境精细化治理标准列入文明创建的测评体系,发动市民群众广泛开展特色文明活动,打造示范背街小巷。");

    static final List<String> ARTICLE_2 = List.of(
            "2020年是全面建成小康社会和“十三五”规划收官之年,是精神文明“五大创建”评选命名表彰年。首都精神文明建设工作以习近平新时代中国特色社会主义思想为指导,围绕服务决胜全面小康、决战脱贫攻坚工作主线,聚焦四个方面 23项重点任务,在落细落小、贯穿融入上下功夫,不断提升市民文明素质和社会文明水平。",
            "第一,深入推进新时代公民道德建设工程。围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。(1)依托“北京榜样”传播道德力量。(2)以道德模范评选引领最好道德风尚。(3)推动志愿服务制度化建设迈上新台阶。(4)引导未成年人“扣好人生第一粒扣子”。",
            "第二,推进精神文明建设工作创新发展。科学编制《首都“十四五”时期精神文明建设规划》,创新工作载体,加强阵地建设,不断提升精神文明建设水平。(5)围绕《北京市文明行为促进条例》颁布实施,抓好学习解读宣传,通过德法共治,推动精神文明建设开创新局面。(6)拓展新时代文明实践中心建设,推动“三个中心”贯通融合。(7)深化背街小巷文明创建,以环境精细化治理提升为着力点,推动街区有序更新。(8)紧抓“礼让斑马线专项行动”,构建和谐顺畅的交通环境。",
            "第三,持续开展公共文明引导专项行动。围绕城市治理难点"
                    + "痛点,持续开展公共文明引导行动。(9)加强疫情防控宣传教育,深化“文明有我健康行”主题宣传实践活动,推动形成讲文明、讲卫生、讲科学的文明风尚。(10)深化礼仪文明引导,推动形成“人人有礼、处处有范”的文明风尚。(11)深化环境文明引导,推动形成“人人守护蓝天碧水”的文明风尚。(12)深化旅游文明引导,推动形成“带着文明旅游”的文明风尚。(13)深化观赏文明引导,推动形成“行为高雅、举止得体”的文明风尚。(14)深化网络文明引导,推动形成“从我做起、传播网络正能量”的文明风尚。(15)深化迎冬奥社会文明行动,推动形成“助力冬奥、快乐参与”的文明风尚。",
            "第四,不断深化群众性精神文明创建活动。加强分类指导,推进各类群众性精神文明创建活动提档升级,掀起新一轮创建热潮。(16)打好创建决胜战,全力做好国家、首都两级创建先进推荐评选工作。(17)发挥测评体系导向作用,保持文明城区创建工作常态长效。(18)聚焦美丽乡村建设,深入推进文明村镇创建。(19)突出“诚信建设”重点,扎实推进文明单位创建。(20)弘扬优良家教家风,积极推进文明家庭创建。(21)打造优秀校园文化,加快推进文明校园创建。(22)加强统筹协调,进一步凝聚齐创共建工作合力。(23)构建大宣传格局,不断增强精神文明传播力影响力。");

    static final List<String> REPORT = List.of("中央文明办", "首都文明委主任、副主任", "市委、市人大、市政府、市政协");
    static final List<String> SEND = List.of("首都文明委委员", "市委、市政府各部委办局", "各总公司、高等院校", "市级群众团体");
    static final List<String> ISSUE = List.of("各区委书记、区长、宣传部长", "各区文明办", "有关新闻单位");

    final HtmlLayout layout = new HtmlLayout();

    /** The seed issue as stored: PUBLISHED, 2020年第17期, 总第2126期, 2020-04-24. */
    static Bulletin seedIssue() {
        BulletinSeries s = new BulletinSeries();
        s.id = UUID.randomUUID();
        s.title = SERIES;
        s.issuingOrg = "首都精神文明办";
        s.kind = SeriesKind.REGULAR;
        s.defaultEditor = "梅雪峰";
        s.defaultReviewer = "田文松";
        s.phone = "55569506";
        s.fax = "55569505";
        s.email = "jswmzhxhc@163.com";

        Bulletin b = new Bulletin();
        b.id = UUID.randomUUID();
        b.series = s;
        b.status = BulletinStatus.PUBLISHED;
        b.historical = true;
        b.year = 2020;
        b.issueNo = 17;
        b.cumulativeNo = 2126;
        b.issueDate = LocalDate.of(2020, 4, 24);
        b.editor = "梅雪峰";
        b.reviewer = "田文松";
        b.articles.add(article(b, 1, TITLE_1, ARTICLE_1));
        b.articles.add(article(b, 2, TITLE_2, ARTICLE_2));
        b.distribution.put(DistributionPart.REPORT, new ArrayList<>(REPORT));
        b.distribution.put(DistributionPart.SEND, new ArrayList<>(SEND));
        b.distribution.put(DistributionPart.ISSUE, new ArrayList<>(ISSUE));
        return b;
    }

    static Article article(Bulletin b, int seq, String title, List<String> paragraphs) {
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.bulletin = b;
        a.seq = seq;
        a.title = title;
        a.source = "本刊";
        a.paragraphs = new ArrayList<>(paragraphs);
        return a;
    }

    @Test
    void theSeedIssueIsACompleteDocumentAndIsWrittenForTheScreenshot() throws IOException {
        String html = layout.render(seedIssue());

        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), html.substring(0, 60));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("<title>首都精神文明建设情况简报 2020年第17期</title>"));
        assertTrue(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
        assertTrue(html.contains("\"Noto Serif CJK SC\""), "a CJK family in the font lists");
        assertTrue(html.contains("\"FangSong\", \"仿宋\""), "the body is set in 仿宋");
        assertTrue(html.strip().endsWith("</html>"));
        assertFalse(html.contains("class=\"status-banner\""), "a published issue has no status banner");
        assertFalse(html.contains("class=\"watermark\""), "a published issue has no watermark");

        Path out = Path.of("target", "seed-issue.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html, StandardCharsets.UTF_8);
        assertEquals(html, Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void theMastheadIsTheRedSeriesTitleWithNumbersOfficeDateAndRedRule() {
        String html = layout.render(seedIssue());

        assertInOrder(html,
                "<h1 class=\"series-title\">首都精神文明建设情况简报</h1>",
                "<p class=\"issue-no\">第17期</p>",
                "<p class=\"cumulative-no\">(总第2126期)</p>",
                "<span class=\"issuer\">首都精神文明办</span>",
                "<span class=\"issue-date\">2020年4月24日</span>",
                "<div class=\"red-rule\"",
                TITLE_1);
        assertTrue(Pattern.compile("\\.series-title \\{[^}]*color: #e60012").matcher(html).find(), "red masthead");
        assertTrue(Pattern.compile("\\.red-rule \\{[^}]*solid #e60012").matcher(html).find(), "red rule");
    }

    @Test
    void datesAreWrittenTheChineseWay() {
        assertEquals("2020年4月24日", HtmlLayout.chineseDate(LocalDate.of(2020, 4, 24)));
        assertEquals("2021年1月5日", HtmlLayout.chineseDate(LocalDate.of(2021, 1, 5)));
        assertEquals("2019年12月31日", HtmlLayout.chineseDate(LocalDate.of(2019, 12, 31)));
    }

    @Test
    void theArticlesComeInOrderWithTheirParagraphsIndentedAndTitlesCentred() {
        String html = layout.render(seedIssue());

        List<String> sections = sections(html);
        assertEquals(2, sections.size());
        assertTrue(sections.get(0).contains("<h2 class=\"article-title\">" + TITLE_1 + "</h2>"));
        assertTrue(sections.get(1).contains("<h2 class=\"article-title\">" + TITLE_2 + "</h2>"));
        assertEquals(4, count(sections.get(0), "<p>"));
        assertEquals(5, count(sections.get(1), "<p>"));
        assertInOrder(sections.get(0), ARTICLE_1.toArray(String[]::new));
        assertInOrder(sections.get(1), ARTICLE_2.toArray(String[]::new));
        assertTrue(html.contains("<p>第三,持续开展公共文明引导专项行动。围绕城市治理难点痛点,持续开展公共文明引导行动。"),
                "the paragraph split in the PDF is one");
        assertTrue(Pattern.compile("\\.article p \\{[^}]*text-indent: 2em").matcher(html).find());
        assertTrue(Pattern.compile("\\.article-title \\{[^}]*font-weight: bold[^}]*text-align: center").matcher(html)
                .find());
    }

    @Test
    void theSourceMarkFollowsTheLastParagraphOfEachArticle() {
        String html = layout.render(seedIssue());

        List<String> sections = sections(html);
        assertTrue(sections.get(0).contains("打造示范背街小巷。<span class=\"source\">(本刊)</span></p>"));
        assertTrue(sections.get(1).contains("不断增强精神文明传播力影响力。<span class=\"source\">(本刊)</span></p>"));
        assertEquals(1, count(sections.get(0), "(本刊)"));
        assertEquals(1, count(sections.get(1), "(本刊)"));
        assertEquals(2, count(html, "(本刊)"));
    }

    @Test
    void theFootHasEditorsContactsAndReportSendIssueInThatOrder() {
        String html = layout.render(seedIssue());

        int lastArticle = html.lastIndexOf("</section>");
        String foot = html.substring(html.indexOf("<footer class=\"colophon\">"));
        assertTrue(html.indexOf("<footer class=\"colophon\">") > lastArticle, "the foot is after the articles");
        assertInOrder(foot,
                "<p class=\"editors\">责编:梅雪峰　核稿:田文松</p>",
                "<p class=\"contacts\">电话:55569506　传真:55569505　邮箱:jswmzhxhc@163.com</p>",
                "<div class=\"distribution\">",
                "<p class=\"dist dist-report\">报:中央文明办,首都文明委主任、副主任,市委、市人大、市政府、市政协。</p>",
                "<p class=\"dist dist-send\">送:首都文明委委员,市委、市政府各部委办局,各总公司、高等院校,市级群众团体。</p>",
                "<p class=\"dist dist-issue\">发:各区委书记、区长、宣传部长,各区文明办,有关新闻单位。</p>");
        assertFalse(html.contains("本期增发"), "no additions on the seed issue");
        assertFalse(html.contains("共印"), "no print run on the seed issue");
    }

    @Test
    void theFootNamesAdditionsAndThePrintRunWhenPresentAndKeepsRankOrderWhateverTheMapOrder() {
        Bulletin b = seedIssue();
        b.distribution.clear();
        b.distribution.put(DistributionPart.ISSUE, new ArrayList<>(ISSUE));
        b.distribution.put(DistributionPart.REPORT, new ArrayList<>(REPORT));
        b.additions = new ArrayList<>(List.of("市委宣传部", "北京日报社"));
        b.printRun = 120;

        String foot = layout.render(b);
        foot = foot.substring(foot.indexOf("<footer"));
        assertInOrder(foot, "报:中央文明办,", "发:各区委书记、区长、宣传部长,",
                "<p class=\"dist additions\">本期增发:市委宣传部,北京日报社。</p>",
                "<p class=\"print-run\">(共印120份)</p>");
        assertFalse(foot.contains("送:"), "an empty part is left out");
    }

    @Test
    void markupInTextIsEscapedAndRendersInert() {
        Bulletin b = seedIssue();
        b.series.title = "简报<script>alert(1)</script>";
        b.series.issuingOrg = "办公室\"'&";
        b.editor = "<b>梅</b>";
        b.articles.get(0).title = "<script>alert(1)</script>标题";
        b.articles.get(0).paragraphs.set(0, "段落<img src=x onerror=alert(1)>结束。");
        b.articles.get(1).title = "<img src=x onerror=alert(1)>";
        b.articles.get(1).paragraphs.set(1, "<script>alert(1)</script>");
        b.articles.get(1).source = "本刊</span><script>alert(1)</script>";
        b.distribution.get(DistributionPart.SEND).set(0, "<a href=\"javascript:alert(1)\">x</a>");

        String html = layout.render(b);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "no raw script tag");
        assertFalse(lower.contains("<img"), "no raw img tag");
        assertFalse(lower.contains("<a "), "no raw link");
        assertFalse(lower.contains("<b>"), "no raw bold tag");
        assertTrue(html.contains("<h2 class=\"article-title\">&lt;script&gt;alert(1)&lt;/script&gt;标题</h2>"));
        assertTrue(html.contains("<p>段落&lt;img src=x onerror=alert(1)&gt;结束。</p>"));
        assertTrue(html.contains("<h2 class=\"article-title\">&lt;img src=x onerror=alert(1)&gt;</h2>"));
        assertTrue(html.contains("<title>简报&lt;script&gt;alert(1)&lt;/script&gt; 2020年第17期</title>"));
        assertTrue(html.contains("<span class=\"issuer\">办公室&quot;&#39;&amp;</span>"));
        assertTrue(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"));
        assertTrue(html.contains("(本刊&lt;/span&gt;&lt;script&gt;alert(1)&lt;/script&gt;)</span>"));
        // every '<' left is one of the layout's own tags
        Matcher tags = Pattern.compile("<(/?)([a-zA-Z0-9!]+)").matcher(html);
        while (tags.find()) {
            assertTrue(List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "header", "h1",
                    "p", "span", "main", "section", "h2", "footer").contains(tags.group(2)), tags.group());
        }
    }

    @Test
    void theDocumentLoadsNothingFromOutside() {
        Bulletin b = seedIssue();
        b.additions = new ArrayList<>(List.of("市委宣传部"));
        b.printRun = 120;
        for (Bulletin issue : List.of(b, draft())) {
            String lower = layout.render(issue).toLowerCase(Locale.ROOT);
            for (String external : List.of("http://", "https://", "<link", "<script", "<img", "<iframe", "<object",
                    "@import", "url(", "src=", "href=")) {
                assertFalse(lower.contains(external), external);
            }
            // fonts are only looked up among the installed ones
            Matcher sources = Pattern.compile("src: ([^;]*);").matcher(lower);
            while (sources.find()) {
                assertTrue(sources.group(1).matches("local\\(\"[^\"]+\"\\)(, local\\(\"[^\"]+\"\\))*"), sources.group());
            }
            assertTrue(lower.contains("content-security-policy\" content=\"default-src 'none'"));
        }
    }

    @Test
    void anUnpublishedIssueShowsBlankNumbersAndItsStatus() {
        String html = layout.render(draft());

        assertTrue(html.contains("<p class=\"issue-no\">第　期</p>"));
        assertTrue(html.contains("<p class=\"cumulative-no\">(总第　期)</p>"));
        assertTrue(html.contains("<span class=\"issue-date\">　　年　月　日</span>"));
        assertTrue(html.contains("<div class=\"status-banner\" role=\"note\">草稿 · "));
        assertTrue(html.contains("<div class=\"watermark\" aria-hidden=\"true\">草稿</div>"));
        assertTrue(html.contains("<title>首都精神文明建设情况简报（草稿）</title>"));
        assertTrue(Pattern.compile("@media print \\{[^@]*\\.status-banner \\{ display: none; \\}").matcher(html).find(),
                "the banner does not print");

        Bulletin submitted = draft();
        submitted.status = BulletinStatus.SUBMITTED;
        submitted.issueDate = LocalDate.of(2020, 5, 8);
        String sub = layout.render(submitted);
        assertTrue(sub.contains("<div class=\"watermark\" aria-hidden=\"true\">待审</div>"));
        assertTrue(sub.contains("<span class=\"issue-date\">2020年5月8日</span>"));

        Bulletin recalled = seedIssue();
        recalled.status = BulletinStatus.RECALLED;
        String rec = layout.render(recalled);
        assertTrue(rec.contains("<p class=\"issue-no\">第17期</p>"));
        assertTrue(rec.contains("<div class=\"watermark\" aria-hidden=\"true\">已撤回</div>"));
    }

    @Test
    void missingPartsAreLeftOutRatherThanPrintedEmpty() {
        Bulletin b = draft();
        b.series.phone = null;
        b.series.fax = " ";
        b.reviewer = null;
        b.articles.get(0).source = null;
        b.articles.add(article(b, 2, "只有来源", List.of()));

        String html = layout.render(b);
        assertTrue(html.contains("<p class=\"editors\">责编:梅雪峰</p>"));
        assertTrue(html.contains("<p class=\"contacts\">邮箱:jswmzhxhc@163.com</p>"));
        assertFalse(html.contains("电话:"));
        assertEquals(1, count(html, "(本刊)"), "only the article with a source has a mark");
        assertTrue(html.contains("<p class=\"source-alone\"><span class=\"source\">(本刊)</span></p>"));
        assertFalse(html.contains("class=\"dist "), "no distribution yet");
    }

    static Bulletin draft() {
        Bulletin b = seedIssue();
        b.status = BulletinStatus.DRAFT;
        b.historical = false;
        b.year = null;
        b.issueNo = null;
        b.cumulativeNo = null;
        b.issueDate = null;
        b.distribution.clear();
        b.articles.remove(1);
        return b;
    }

    static List<String> sections(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<section class=\"article\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    static void assertInOrder(String s, String... parts) {
        int at = -1;
        for (String part : parts) {
            int next = s.indexOf(part, at + 1);
            assertTrue(next > at, "expected after position " + at + ": " + part);
            at = next;
        }
    }
}
