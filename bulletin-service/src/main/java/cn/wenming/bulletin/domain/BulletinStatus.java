package cn.wenming.bulletin.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The editorial workflow: DRAFT → SUBMITTED (送审) → APPROVED (核稿) → PUBLISHED (印发); a
 * submission can be returned to DRAFT; a published issue can be RECALLED. Nothing else.
 */
public enum BulletinStatus {
    DRAFT,
    SUBMITTED,
    APPROVED,
    PUBLISHED,
    RECALLED;

    /** The statuses this one may move to. */
    public Set<BulletinStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(APPROVED, DRAFT);
            case APPROVED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.of(RECALLED);
            case RECALLED -> EnumSet.noneOf(BulletinStatus.class);
        };
    }

    public boolean canBecome(BulletinStatus target) {
        return next().contains(target);
    }

    /** What readers may see. */
    public boolean isPublic() {
        return this == PUBLISHED;
    }
}
