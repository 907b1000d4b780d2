package cn.wenming.common.security;

import java.util.List;
import java.util.Set;

/**
 * The roles of the suite. A token's {@code groups} claim names what its holder is
 * ({@link #READER} … {@link #RECIPIENT}, {@link #SERVICE}); {@link BodyRoles} turns that, the body the
 * token acts for ({@code org}) and, for a service, its {@code sub} into the roles that
 * {@code @RolesAllowed} names (SECURITY.md, "Bodies and roles"):
 * <ul>
 * <li>staff of the office (org = {@code suite.office.org}): {@link #READER}, {@link #EDITOR},
 * {@link #REVIEWER}, {@link #ADMIN}, as the token names them;</li>
 * <li>staff of another body (a district office, a member unit): {@link #READER} only, whatever
 * else the token names: the office's content is the office's to change;</li>
 * <li>a recipient body's system: {@link #RECIPIENT} only, bound to its body;</li>
 * <li>a service of the suite: its own identity, e.g. {@link #BULLETIN_SERVICE}, nothing else.</li>
 * </ul>
 * Health, OpenAPI and the public honor roll need none.
 */
public final class Roles {
    /** Sees published content only; never a draft. */
    public static final String READER = "reader";
    /** Creates and edits drafts, submits them. */
    public static final String EDITOR = "editor";
    /** Approves or returns submissions (never their own). */
    public static final String REVIEWER = "reviewer";
    /** Manages reference data and everything else of the office. */
    public static final String ADMIN = "admin";
    /** A recipient body's system: its own deliveries and published content, nothing else. */
    public static final String RECIPIENT = "recipient";
    /** The token group of a service of the suite; what it may do follows from its {@code sub}. */
    public static final String SERVICE = "service";

    /** bulletin-service calling another service (its {@code sub}). */
    public static final String BULLETIN_SERVICE = "service:bulletin-service";
    /** task-service calling another service. */
    public static final String TASK_SERVICE = "service:task-service";
    /** honors-service calling another service. */
    public static final String HONORS_SERVICE = "service:honors-service";
    /** distribution-service calling another service. */
    public static final String DISTRIBUTION_SERVICE = "service:distribution-service";

    /** The services of the suite, by the {@code sub} their tokens carry. */
    public static final List<String> SUITE_SERVICES = List.of("bulletin-service", "task-service", "honors-service",
            "distribution-service");

    /** The groups a token of the office's staff may carry. */
    public static final Set<String> STAFF = Set.of(READER, EDITOR, REVIEWER, ADMIN);

    private Roles() {
    }

    /** The role a service of the suite acts with, from its {@code sub}. */
    public static String ofService(String name) {
        return SERVICE + ":" + name;
    }
}
