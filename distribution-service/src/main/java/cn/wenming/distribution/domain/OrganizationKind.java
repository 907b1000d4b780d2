package cn.wenming.distribution.domain;

import java.util.Optional;

/**
 * Where a recipient body stands to the office, and so which part of the 报/送/发 block it is in.
 * Declared from the highest down: a body named in two parts keeps the higher kind.
 */
public enum OrganizationKind {
    /** 上级: reported to (报, REPORT). */
    SUPERIOR("REPORT"),
    /** 平级: sent to (送, SEND). */
    PEER("SEND"),
    /** 下级: issued to (发, ISSUE). */
    SUBORDINATE("ISSUE");

    private final String part;

    OrganizationKind(String part) {
        this.part = part;
    }

    /** The distribution part this kind receives through: REPORT, SEND or ISSUE. */
    public String part() {
        return part;
    }

    /** The kind of the bodies named in a distribution part (REPORT, SEND, ISSUE); empty for another name. */
    public static Optional<OrganizationKind> ofPart(String part) {
        for (OrganizationKind kind : values()) {
            if (kind.part.equals(part)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Whichever of two kinds is higher (SUPERIOR over PEER over SUBORDINATE). */
    public static OrganizationKind higher(OrganizationKind a, OrganizationKind b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
