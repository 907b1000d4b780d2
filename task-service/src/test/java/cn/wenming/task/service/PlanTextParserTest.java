package cn.wenming.task.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.task.service.PlanTextParser.ParsedPlan;
import cn.wenming.task.service.PlanTextParser.Warning;

/** The plan text parser on small texts; the seed's whole article is read in PlanImportTest. */
class PlanTextParserTest {

    @Test
    void headerAreasTasksAndSourceArePlaced() {
        ParsedPlan p = PlanTextParser.parse("""
                \uFEFF2021年首都精神文明建设工作　聚焦两个方面 3项重点任务
                2021年是……。
                第一，深入推进新时代公民道德建设工程。围绕……氛围。（1）依托“北京榜样”传播道德力量。（２）以道德模范评选引领最好道德风尚；
                第二、推进精神文明建设工作创新发展。(3)拓展新时代文明实践中心建设。做好试点。
                （本刊）
                """);
        assertEquals(2021, p.year());
        assertEquals("2021年首都精神文明建设工作", p.title());
        assertEquals("聚焦两个方面 3项重点任务", p.summary());
        assertEquals("2021年是……。", p.preamble());
        assertEquals("本刊", p.source());
        assertEquals(List.of(), p.warnings());
        assertEquals(List.of("深入推进新时代公民道德建设工程", "推进精神文明建设工作创新发展"), p.areas().stream().map(a -> a.title()).toList());
        assertEquals("围绕……氛围。", p.areas().get(0).description());
        assertNull(p.areas().get(1).description());
        var tasks = p.areas().stream().flatMap(a -> a.tasks().stream()).toList();
        assertEquals(List.of(1, 2, 3), tasks.stream().map(t -> t.number()).toList());
        assertEquals(List.of("依托“北京榜样”传播道德力量", "以道德模范评选引领最好道德风尚", "拓展新时代文明实践中心建设"),
                tasks.stream().map(t -> t.title()).toList());
        assertEquals("做好试点。", tasks.get(2).description());
    }

    @Test
    void markersInsideSentencesAreText() {
        ParsedPlan p = PlanTextParser.parse("""
                2021年工作要点
                第一,推进背街小巷三年(2020—2022 年)行动。放在第一位,抓好落实。(1)按第(3)款要求推进第一,第二批整治。(2)打造示范街巷。
                """);
        assertEquals(List.of(), p.warnings());
        assertEquals(1, p.areas().size());
        assertEquals("推进背街小巷三年(2020—2022 年)行动", p.areas().get(0).title());
        assertEquals(List.of("按第(3)款要求推进第一,第二批整治", "打造示范街巷"), p.areas().get(0).tasks().stream().map(t -> t.title()).toList());
    }

    @Test
    void whatDoesNotAddUpIsAWarningNeverASilentChange() {
        ParsedPlan p = PlanTextParser.parse("""
                2021年首都精神文明建设工作 聚焦三个方面 5项重点任务
                (1)放错位置的任务。
                第一,甲方面。(1)甲一。(3)甲三。
                第三,丙方面。
                """);
        assertEquals(List.of("UNPLACED", "NUMBERING", "AREA_ORDER", "EMPTY_AREA", "AREA_COUNT", "TASK_COUNT"),
                p.warnings().stream().map(Warning::kind).toList());
        assertEquals(List.of(1, 2), p.areas().get(0).tasks().stream().map(t -> t.number()).toList());
        assertEquals(2, p.taskCount());
        assertEquals(3, p.claimedAreas());
        assertEquals(5, p.claimedTasks());
    }

    @Test
    void aTextWithoutAreasOrTasksIsNotAPlan() {
        for (String text : new String[] { "", "   \n\n", "首都精神文明建设情况简报\n第 17 期", "2021年工作要点\n(1)只有任务。",
                "2021年工作要点\n第一,只有方面。" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> PlanTextParser.parse(text), text);
            assertEquals(ProblemType.BAD_REQUEST, e.type());
        }
    }
}
