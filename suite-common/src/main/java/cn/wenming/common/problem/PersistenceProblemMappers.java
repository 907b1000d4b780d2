package cn.wenming.common.problem;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Clashes the database settles: two writers of one row (the loser gets a 412 when it sent
 * If-Match, else a 409) and a unique key taken by a concurrent writer between a service's check
 * and its insert (409). Neither names a table or a constraint.
 */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return concurrentWrite(uri, headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri, HttpHeaders headers) {
        return concurrentWrite(uri, headers);
    }

    @ServerExceptionMapper
    public Response pessimisticLock(PessimisticLockException e, UriInfo uri) {
        if (ProblemMappers.statementTimedOut(e)) {
            // waited for the row past the statement timeout: the database is busy, not the row in conflict
            return ProblemMappers.statementTimeout(e, uri);
        }
        return Problems.response(ProblemType.CONFLICT, "资源正被他人修改，请稍后重试 (the resource is being changed; try again)", uri, List.of());
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, UriInfo uri) {
        return Problems.response(ProblemType.CONFLICT,
                "与已有数据冲突（可能刚被他人创建）(conflicts with existing data, possibly created at the same moment)", uri, List.of());
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri, HttpHeaders headers) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return concurrentWrite(uri, headers);
            }
            if (c instanceof ConstraintViolationException v) {
                return constraint(v, uri);
            }
        }
        return new ProblemMappers().unexpected(e, uri);
    }

    private static Response concurrentWrite(UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        return Problems.response(conditional ? ProblemType.PRECONDITION_FAILED : ProblemType.CONFLICT,
                "资源刚被他人修改，请重新读取后再试 (changed by someone else at the same moment: read it again)", uri, List.of());
    }
}
