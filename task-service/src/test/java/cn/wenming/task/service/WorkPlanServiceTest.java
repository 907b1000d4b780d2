package cn.wenming.task.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.task.domain.WorkPlanStatus;

/** The pure rules of the service, without HTTP or a database. */
class WorkPlanServiceTest {

    @Test
    void cursorKeysAreReadAsTheSortFieldsType() {
        assertEquals(2020, WorkPlanService.cursorKey("year", "2020"));
        assertEquals(Instant.parse("2020-04-24T01:30:00Z"), WorkPlanService.cursorKey("createdAt", "2020-04-24T01:30:00Z"));
    }

    @Test
    void cursorKeyOfTheWrongTypeIsAProblemNamingCursor() {
        for (String[] bad : new String[][] { { "year", "二〇二〇" }, { "year", "" }, { "createdAt", "2020" } }) {
            ProblemException e = assertThrows(ProblemException.class, () -> WorkPlanService.cursorKey(bad[0], bad[1]));
            assertEquals(ProblemType.VALIDATION, e.type());
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void statusFilterIsOptionalAndOneOfTheStatuses() {
        assertEquals(Optional.empty(), WorkPlanService.statusFilter(null));
        assertEquals(Optional.empty(), WorkPlanService.statusFilter(" "));
        assertEquals(Optional.of(WorkPlanStatus.ACTIVE), WorkPlanService.statusFilter("ACTIVE"));
        ProblemException e = assertThrows(ProblemException.class, () -> WorkPlanService.statusFilter("PUBLISHED"));
        assertEquals("status", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("DRAFT, ACTIVE, CLOSED"), e.getMessage());
    }

    @Test
    void yearConflictNamesTheYear() {
        ProblemException e = WorkPlanService.yearTaken(2021);
        assertEquals(ProblemType.CONFLICT, e.type());
        assertTrue(e.getMessage().contains("2021"), e.getMessage());
    }
}
