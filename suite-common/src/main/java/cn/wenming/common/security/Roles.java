package cn.wenming.common.security;

/**
 * The roles of the suite, carried in the JWT {@code groups} claim. Use the constants in
 * {@code @RolesAllowed}; health, OpenAPI and the public honor roll need none.
 */
public final class Roles {
    /** Sees published content only; never a draft. */
    public static final String READER = "reader";
    /** Creates and edits drafts, submits them. */
    public static final String EDITOR = "editor";
    /** Approves or returns submissions (never their own). */
    public static final String REVIEWER = "reviewer";
    /** Manages reference data and everything else. */
    public static final String ADMIN = "admin";
    /** Another service of the suite calling in. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
