package cn.wenming.task.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.security.Roles;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;

/**
 * Test-only writes that fail after they changed something, the two ways a real one can: a conflict
 * found after an entity was changed and flushed (a 409 thrown by the service), and a constraint the
 * database checks at the flush. Part of the application under test only (src/test), hidden from its
 * document.
 */
@Path("/api/v1/test-audit/work-plans/{id}")
@RolesAllowed(Roles.ADMIN)
public class AuditRollbackResource {

    @POST
    @Path("conflict-after-change")
    @Transactional
    @Operation(hidden = true)
    public void conflictAfterChange(@PathParam("id") UUID id) {
        WorkPlan p = WorkPlan.findById(id);
        p.title = p.title + "（改）";
        WorkPlan.flush(); // the change reached the database, in the transaction
        throw ProblemException.conflict("改了之后才发现冲突 (a conflict found after the change)");
    }

    @POST
    @Path("constraint-at-flush")
    @Transactional
    @Operation(hidden = true)
    public void constraintAtFlush(@PathParam("id") UUID id) {
        WorkPlan p = WorkPlan.findById(id);
        p.title = p.title + "（改）";
        WorkPlan twin = new WorkPlan();
        twin.id = UUID.randomUUID();
        twin.year = p.year; // the year is taken: work_plan_year_unique refuses it at the flush
        twin.title = "同年的第二个工作要点";
        twin.status = WorkPlanStatus.DRAFT;
        twin.createdAt = Instant.now();
        twin.updatedAt = twin.createdAt;
        twin.persistAndFlush();
    }
}
