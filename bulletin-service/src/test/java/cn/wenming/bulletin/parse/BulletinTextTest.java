package cn.wenming.bulletin.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.common.problem.ProblemException;

/** The reading of printed issues' text: the seed as a whole, then each PDF quirk on its own. */
class BulletinTextTest {

    static final Path SEED = Path.of("../../shared/seed");

    static String seedText() throws IOException {
        return Files.readString(SEED.resolve("bulletin-2020-17.txt"), StandardCharsets.UTF_8);
    }

    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(SEED.resolve("bulletin-2020-17.expected.json").toFile()).path("bulletin");
    }

    static String noSpace(String s) {
        return s.replaceAll("\\s", "");
    }

    @Test
    void theSeedReadsAsItsExpectedReadingWithoutWarnings() throws IOException {
        JsonNode e = expected();
        BulletinText.Reading r = BulletinText.parse(seedText());
        ParsedBulletin b = r.bulletin();
        assertEquals(List.of(), r.warnings());
        assertEquals(e.path("series").path("title").asText(), b.series().title());
        assertEquals(e.path("series").path("issuingOrg").asText(), b.series().issuingOrg());
        assertEquals(e.path("year").asInt(), b.year());
        assertEquals(e.path("issueNo").asInt(), b.issueNo());
        assertEquals(e.path("cumulativeNo").asInt(), b.cumulativeNo());
        assertEquals(e.path("issueDate").asText(), b.issueDate().toString());
        assertEquals(e.path("editor").asText(), b.editor());
        assertEquals(e.path("reviewer").asText(), b.reviewer());
        assertEquals(e.path("contact").path("phone").asText(), b.contact().phone());
        assertEquals(e.path("contact").path("fax").asText(), b.contact().fax());
        assertEquals(e.path("contact").path("email").asText(), b.contact().email());
        assertEquals(e.path("articles").size(), b.articles().size());
        for (int i = 0; i < b.articles().size(); i++) {
            JsonNode a = e.path("articles").get(i);
            ParsedBulletin.Article got = b.articles().get(i);
            assertEquals(a.path("seq").asInt(), got.seq());
            assertEquals(noSpace(a.path("title").asText()), noSpace(got.title()));
            assertEquals(a.path("source").asText(), got.source());
            assertEquals(a.path("paragraphCount").asInt(), got.paragraphs().size());
            assertEquals(a.path("paragraphCount").asInt(), got.paragraphCount());
        }
        for (DistributionPart part : DistributionPart.values()) {
            List<String> groups = new ArrayList<>();
            e.path("distribution").path(part.name()).forEach(g -> groups.add(g.asText()));
            assertEquals(groups, b.distribution().get(part), part.name());
        }
        // the split paragraph was joined, without the source mark, in prose without PDF spaces
        String joined = b.articles().get(1).paragraphs().get(3);
        assertTrue(joined.contains("围绕城市治理难点痛点,持续开展"), joined);
        assertTrue(b.articles().get(0).paragraphs().get(0).startsWith("4月17日上午"), b.articles().get(0).paragraphs().get(0));
        assertTrue(b.articles().get(0).paragraphs().get(3).endsWith("打造示范背街小巷。"));
    }

    private static final String MINI = """
            首都精神文明建设情况简报

            第 3 期

            (总第 2112 期)

            首都精神文明办

            2020 年 1 月 10 日

            文明城区创建工作推进会召开

            1 月 8 日,全市文明城区创建工作推进会召开。

            会议要求,持续深化创建。(本刊)

            责编:梅雪峰

            核稿:田文松

            报:中央文明办。

            送:首都文明委委员。

            发:各区文明办。
            """;

    @Test
    void fullWidthAndAsciiPunctuationAreBothRead() {
        String full = MINI.replace("(总第 2112 期)", "（总第 2112 期）").replace("责编:", "责编：").replace("报:", "报：")
                .replace("(本刊)", "（本刊）").replace("送:首都文明委委员。", "送：首都文明委委员，市级群众团体。");
        ParsedBulletin b = BulletinText.parse(full).bulletin();
        assertEquals(2112, b.cumulativeNo());
        assertEquals("梅雪峰", b.editor());
        assertEquals("本刊", b.articles().get(0).source());
        assertEquals(List.of("中央文明办"), b.distribution().get(DistributionPart.REPORT));
        assertEquals(List.of("首都文明委委员", "市级群众团体"), b.distribution().get(DistributionPart.SEND));
    }

    @Test
    void spacesInsideNumbersAndDatesAreRead() {
        ParsedBulletin b = BulletinText.parse(MINI.replace("第 3 期", "第  3  期").replace("2020 年 1 月 10 日", "2020年 1月10 日")).bulletin();
        assertEquals(3, b.issueNo());
        assertEquals("2020-01-10", b.issueDate().toString());
        assertEquals("1月8日,全市文明城区创建工作推进会召开。", b.articles().get(0).paragraphs().get(0));
    }

    @Test
    void aTitleWrappedOverALineBreakIsOneTitle() {
        ParsedBulletin b = BulletinText.parse(MINI.replace("文明城区创建工作推进会召开", "文明城区创建\n工作推进会召开")).bulletin();
        assertEquals("文明城区创建工作推进会召开", b.articles().get(0).title());
        ParsedBulletin spaced = BulletinText.parse(MINI.replace("文明城区创建工作推进会召开", "文明城区创建 工作推进会召开")).bulletin();
        assertEquals("文明城区创建工作推进会召开", spaced.articles().get(0).title());
    }

    @Test
    void aParagraphSplitMidSentenceContinuesInTheNext() {
        String split = MINI.replace("1 月 8 日,全市文明城区创建工作推进会召开。", "1 月 8 日,全市文明城区\n\n创建工作推进会召开。");
        ParsedBulletin b = BulletinText.parse(split).bulletin();
        assertEquals(2, b.articles().get(0).paragraphs().size());
        assertEquals("1月8日,全市文明城区创建工作推进会召开。", b.articles().get(0).paragraphs().get(0));
    }

    @Test
    void blankLinesAtTheStartAreSkipped() {
        BulletinText.Reading r = BulletinText.parse("\n\n   \n\r\n" + MINI);
        assertEquals("首都精神文明建设情况简报", r.bulletin().series().title());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void theSourceMarkEndsAParagraphOrStandsAlone() {
        ParsedBulletin atEnd = BulletinText.parse(MINI).bulletin();
        ParsedBulletin alone = BulletinText.parse(MINI.replace("会议要求,持续深化创建。(本刊)", "会议要求,持续深化创建。\n\n(本刊)")).bulletin();
        for (ParsedBulletin b : List.of(atEnd, alone)) {
            assertEquals("本刊", b.articles().get(0).source());
            assertEquals(List.of("1月8日,全市文明城区创建工作推进会召开。", "会议要求,持续深化创建。"), b.articles().get(0).paragraphs());
        }
    }

    @Test
    void whatCannotBePlacedIsAWarningNotDropped() {
        BulletinText.Reading r = BulletinText.parse(MINI.replace("核稿:田文松", "核稿:田文松\n\n此页无正文"));
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("此页无正文")), r.warnings().toString());
        BulletinText.Reading noCumulative = BulletinText.parse(MINI.replace("(总第 2112 期)", ""));
        assertNull(noCumulative.bulletin().cumulativeNo());
        assertTrue(noCumulative.warnings().stream().anyMatch(w -> w.contains("总第")), noCumulative.warnings().toString());
    }

    @Test
    void aTextThatIsNotABulletinIsRefusedNamingWhatIsMissing() {
        ProblemException empty = assertThrows(ProblemException.class, () -> BulletinText.parse("  \n "));
        assertEquals("text", empty.errors().get(0).field());
        ProblemException binary = assertThrows(ProblemException.class, () -> BulletinText.parse("PK\u0003\u0004\u0000\u0000binary"));
        assertEquals("text", binary.errors().get(0).field());
        ProblemException letter = assertThrows(ProblemException.class,
                () -> BulletinText.parse("关于召开年度总结会的通知\n\n各处室:\n\n定于下周一召开年度总结会,请准时参加。\n\n办公室"));
        List<String> fields = letter.errors().stream().map(f -> f.field()).toList();
        assertTrue(fields.contains("issueNo") && fields.contains("issueDate"), fields.toString());
        assertEquals(400, letter.type().status());
    }
}
