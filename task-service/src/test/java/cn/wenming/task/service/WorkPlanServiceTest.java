package cn.wenming.task.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.web.Params;
import cn.wenming.task.domain.WorkPlanStatus;

/** The pure rules of the service, without HTTP or a database. */
class WorkPlanServiceTest {

    @Test
    void cursorKeysAreReadAsTheSortFieldsType() {
        assertEquals(2020, WorkPlanService.keyType("year").apply("2020"));
        assertEquals(Instant.parse("2020-04-24T01:30:00Z"), WorkPlanService.keyType("createdAt").apply("2020-04-24T01:30:00Z"));
    }

    @Test
    void cursorKeyOfTheWrongTypeIsAProblemNamingCursor() {
        for (String[] bad : new String[][] { { "year", "二〇二〇" }, { "year", "" }, { "createdAt", "2020" } }) {
            ProblemException e = assertThrows(ProblemException.class, () -> WorkPlanService.keyType(bad[0]).apply(bad[1]));
            assertEquals(ProblemType.VALIDATION, e.type());
            assertEquals("cursor", e.errors().get(0).field());
        }
    }

    @Test
    void statusFilterIsOptionalAndOneOfTheStatuses() {
        assertEquals(Optional.empty(), statusFilter(null));
        assertEquals(Optional.empty(), statusFilter(" "));
        assertEquals(Optional.of(WorkPlanStatus.ACTIVE), statusFilter("ACTIVE"));
        ProblemException e = assertThrows(ProblemException.class, () -> statusFilter("PUBLISHED"));
        assertEquals("status", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("DRAFT, ACTIVE, CLOSED"), e.getMessage());
    }

    /** The {@code ?status=} filter as the resource reads it (null, no filter, shown here as empty). */
    private static Optional<WorkPlanStatus> statusFilter(String raw) {
        return Optional.ofNullable(Params.enumValue(WorkPlanStatus.class, raw, "status"));
    }

    @Test
    void yearConflictNamesTheYear() {
        ProblemException e = WorkPlanService.yearTaken(2021);
        assertEquals(ProblemType.CONFLICT, e.type());
        assertTrue(e.getMessage().contains("2021"), e.getMessage());
    }
}
