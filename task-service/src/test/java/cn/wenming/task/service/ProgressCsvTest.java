package cn.wenming.task.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.task.service.ProgressService.BulkRow;

/** Reading bulk progress from CSV. */
class ProgressCsvTest {

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndRowsKnowTheirLine() {
        List<BulkRow> rows = ProgressCsv.read("""
                进展,编号,单位,进度,日期,原因
                "已覆盖 16 个区,""文明有我""活动 120 场",1,市文明办宣教处,40%,2020-06-30,

                "两段：
                一、推荐",2,各区文明办,25,,日程顺延
                """);
        assertEquals(2, rows.size());
        assertEquals("lines[2]", rows.get(0).label());
        assertEquals("lines[4]", rows.get(1).label());
        assertEquals("已覆盖 16 个区,\"文明有我\"活动 120 场", rows.get(0).input().text());
        assertEquals(40, rows.get(0).input().percent());
        assertEquals(LocalDate.of(2020, 6, 30), rows.get(0).input().date());
        assertNull(rows.get(0).input().reason());
        assertEquals("两段：\n一、推荐", rows.get(1).input().text());
        assertEquals("日程顺延", rows.get(1).input().reason());
        assertNull(rows.get(1).input().date());
        assertEquals(List.of(), rows.get(1).errors());
    }

    @Test
    void cellsThatAreNotNumbersOrDatesAreRowErrors() {
        List<BulkRow> rows = ProgressCsv.read("number,unit,percent,text,date\r\n五,市文明办宣教处,三十,推进中,6月30日\r\n");
        assertEquals(List.of("lines[2].number", "lines[2].percent", "lines[2].date"),
                rows.get(0).errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void aBadHeaderOrAnUnclosedQuoteIsRefusedWhole() {
        ProblemException header = assertThrows(ProblemException.class, () -> ProgressCsv.read("编号,单位,备注\n1,甲,乙\n"));
        assertEquals(List.of("header", "header", "header"), header.errors().stream().map(e -> e.field()).toList());
        assertThrows(ProblemException.class, () -> ProgressCsv.read("编号,单位,进度,进展,进展\n"));
        assertThrows(ProblemException.class, () -> ProgressCsv.read("编号,单位,进度,进展\n1,甲,2,\"未闭合\n"));
        assertThrows(ProblemException.class, () -> ProgressCsv.read("\uFEFF"));
    }
}
