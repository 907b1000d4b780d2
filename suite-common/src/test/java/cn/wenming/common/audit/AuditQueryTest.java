package cn.wenming.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/** The admins' filters, checked; the CSV cells; the operation a resource method is. */
class AuditQueryTest {

    @Test
    void daysAreReckonedInShanghaiAndToIsExclusive() {
        AuditQuery q = AuditQuery.parse("2026-05-01", "2026-05-31", null, null, null, null, null, null, null, null);
        assertEquals(Instant.parse("2026-04-30T16:00:00Z"), q.from());
        assertEquals(Instant.parse("2026-05-31T16:00:00Z"), q.to(), "up to the end of the 31st in Shanghai");
        AuditQuery instants = AuditQuery.parse("2026-05-01T09:00:00+08:00", null, " 王芳 ", null, "WorkPlan", null, "REFUSED", "403", null, null);
        assertEquals(Instant.parse("2026-05-01T01:00:00Z"), instants.from());
        assertEquals("王芳", instants.user());
        assertEquals(Outcome.REFUSED, instants.outcome());
        assertEquals(403, instants.status());
        List<Object> params = new ArrayList<>();
        assertEquals(" where recorded_at >= ? and user_name = ? and resource_type = ? and outcome = ? and status = ?", instants.where(params));
        assertEquals(5, params.size());
        assertEquals("", AuditQuery.ALL.where(new ArrayList<>()));
    }

    @Test
    void everyBadFilterIsNamedInOneProblem() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> AuditQuery.parse("yesterday", "2026-02-30", "u".repeat(201), null, null, null, "MAYBE", "99", null, null));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of("from", "to", "outcome", "status", "user"), e.errors().stream().map(Problem.FieldError::field).toList());
        ProblemException order = assertThrows(ProblemException.class,
                () -> AuditQuery.parse("2026-05-02", "2026-05-01", null, null, null, null, null, null, null, null));
        assertEquals("to", order.errors().get(0).field());
        assertNull(AuditQuery.parse(" ", "", null, null, null, null, "", "", null, null).from(), "blank is no filter");
    }

    @Test
    void csvCellsThatWouldStartAFormulaAreNeutralized() {
        for (String formula : List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx")) {
            assertEquals("'" + formula, AuditExport.cell(formula));
        }
        assertEquals("王芳", AuditExport.cell("王芳"));
        assertEquals("1024", AuditExport.cell(1024L));
        assertEquals("", AuditExport.cell(null));
        assertEquals("a=b", AuditExport.cell("a=b"), "only the first character matters");
    }

    @Path("/api/v1/work-plans")
    static class Plans {
        @Path("{id}/areas/{areaId: [0-9a-f-]+}/")
        public void area() {
        }

        public void list() {
        }
    }

    @Test
    void anOperationIsItsOpenApiIdAndTemplate() throws Exception {
        Method area = Plans.class.getMethod("area");
        assertEquals("/api/v1/work-plans/{id}/areas/{areaId}", OperationInfo.template(Plans.class, area));
        assertEquals("/api/v1/work-plans", OperationInfo.template(Plans.class, Plans.class.getMethod("list")));
    }
}
