package cn.wenming.common.audit;

/**
 * What one audit record says, before the chain gives it its place ({@code seq}, id, time and hashes):
 * who ({@code user}, the token's upn; {@code org}, the body its {@code org} claim names; {@code roles},
 * its groups, sorted, comma-separated), from where, what (method, path, query, the operationId), on
 * which resource and its versions, and how it ended. Every text is {@link Texts#clean cleaned} as it
 * is stored, so what is hashed is exactly what is kept.
 */
public record AuditEntry(
        String user,
        String org,
        String roles,
        String clientAddress,
        String method,
        String path,
        String query,
        String operation,
        String resourceType,
        String resourceId,
        Long versionBefore,
        Long versionAfter,
        Outcome outcome,
        Integer status,
        String requestId,
        String detail,
        String changes) {

    public AuditEntry {
        user = Texts.clean(user, 200);
        org = Texts.clean(org, 200);
        roles = Texts.clean(roles, 500);
        clientAddress = Texts.clean(clientAddress, 100);
        method = Texts.clean(method, 16);
        path = Texts.clean(path, 1000);
        query = Texts.clean(query, 1000);
        operation = Texts.clean(operation, 200);
        resourceType = Texts.clean(resourceType, 100);
        resourceId = Texts.clean(resourceId, 200);
        requestId = Texts.clean(requestId, 128);
        detail = Texts.clean(detail, 1000);
        changes = Texts.clean(changes, 20_000);
    }
}
