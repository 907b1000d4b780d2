package cn.wenming.common.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemMappers;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.problem.Problems;
import cn.wenming.common.web.RequestIds;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Where the REST layer meets the audit trail. Before a matched write (POST, PUT, PATCH, DELETE) or an
 * {@link AuditedRead}: the request is noted (operation, path, client address, request id, and the
 * caller, whose token is checked here if it was not yet) and bound to the request, so that the
 * transactions the write begins record themselves ({@link AuditTransactions}). After it, with the answer
 * known: a refusal (any 4xx or 5xx), a read, or a write that committed no record of its own (it changed
 * nothing in a transaction: a dry run) is recorded in a transaction of its own, before the answer
 * leaves. Every other request (the reads of the hot paths) passes both filters without any work.
 *
 * <p>The client address is the one the HTTP layer reports: the gateway's {@code X-Forwarded-For} when
 * the request came from a trusted proxy ({@code quarkus.http.proxy.trusted-proxies}, loopback by
 * default), the connection's peer otherwise.
 */
public class AuditFilters {

    private static final Logger LOG = Logger.getLogger(AuditFilters.class);

    @Inject
    AuditTrail trail;

    @Inject
    AuditTransactions transactions;

    @Inject
    CurrentIdentityAssociation identities;

    @ServerRequestFilter
    public Uni<Void> before(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        AuditRequest audit = start(request, resource, http);
        if (audit == null) {
            return null;
        }
        request.setProperty(AuditRequest.KEY, audit);
        if (audit.writing) {
            audit.bind();
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().invoke(audit::identify).replaceWithVoid();
    }

    @ServerResponseFilter
    public Uni<Void> after(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            HttpServerRequest http) {
        AuditRequest audit = (AuditRequest) request.getProperty(AuditRequest.KEY);
        if (audit == null) {
            // refused before the request filters (a failed authentication, say): noted now
            audit = start(request, resource, http);
            if (audit == null) {
                return null;
            }
        }
        audit.answered();
        int status = response.getStatus();
        if (audit.writing && status < 400 && audit.committedRecords() > 0) {
            return null; // its change committed with its record
        }
        boolean replayed = "true".equals(response.getHeaderString("Idempotency-Replayed"));
        if (audit.identified() && BlockingOperationControl.isBlockingAllowed()) {
            record(audit, status, replayed, response); // on a worker already, the caller known
            return null;
        }
        AuditRequest answered = audit;
        Uni<SecurityIdentity> who = audit.identified() ? Uni.createFrom().nullItem()
                : identities.getDeferredIdentity().onFailure().recoverWithNull();
        return who.emitOn(Infrastructure.getDefaultWorkerPool()).invoke(identity -> {
            if (!answered.identified()) {
                answered.identify(identity);
            }
            record(answered, status, replayed, response);
        }).replaceWithVoid();
    }

    private void record(AuditRequest audit, int status, boolean replayed, ContainerResponseContext response) {
        AuditEntry entry = audit.entryAfter(status, replayed, transactions::typeName);
        try {
            trail.recordAfter(entry);
        } catch (RuntimeException e) {
            if (ProblemMappers.databaseUnreachable(e)) {
                // the answer says so already (503); the record is in this line instead
                LOG.warnf("the audit record of %s %s (requestId %s, user %s, status %d) could not be written: the database is unreachable",
                        entry.method(), entry.path(), entry.requestId(), entry.user(), status);
            } else {
                LOG.errorf(e, "the audit record of %s %s (requestId %s, user %s, status %d) could not be written", entry.method(),
                        entry.path(), entry.requestId(), entry.user(), status);
            }
            if (!audit.writing && status < 400) {
                // a read of personal data that cannot be recorded does not take place
                Problem problem = Problems.of(ProblemType.UNAVAILABLE,
                        "审计记录无法写入，请稍后重试 (the audit record cannot be written: try again later)", entry.path(), List.of());
                response.setStatus(ProblemType.UNAVAILABLE.status());
                response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
                response.setEntity(problem, new java.lang.annotation.Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
            }
        }
    }

    /** The client's address as the HTTP layer reports it: what a trusted proxy forwarded, as it forwarded it. */
    private static String address(SocketAddress client) {
        if (client == null) {
            return null;
        }
        return client.hostAddress() != null ? client.hostAddress() : client.host();
    }

    /** The audited request this is, or null when it is not audited (a plain read, or no method matched). */
    private static AuditRequest start(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        OperationInfo operation = OperationInfo.of(resource);
        if (operation == null) {
            return null;
        }
        String method = request.getMethod();
        boolean writing = !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        if (!writing && !operation.auditedRead()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        request.getUriInfo().getPathParameters().forEach((k, v) -> params.put(k, v.isEmpty() ? null : v.get(0)));
        SocketAddress client = http == null ? null : http.remoteAddress();
        return new AuditRequest(operation, writing, method, request.getUriInfo().getRequestUri().getRawPath(),
                request.getUriInfo().getRequestUri().getRawQuery(), address(client),
                RequestIds.current(), params);
    }
}
