package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.Revision;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;

/**
 * The workflow's transitions but publication ({@link Publication}): submit, approve with four eyes,
 * return to the editor, recall. Each is one transaction with its revision. A submission's references
 * are checked in task- and honors-service before its transaction, never inside it ({@link Submission}).
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class Workflow {

    @Inject
    Clock clock;

    @Inject
    Revisions revisions;

    /**
     * The references a submission of the issue must check first: those its articles name when it is a
     * DRAFT, none otherwise (its transition is then refused in {@link #submit}). In a short transaction
     * of its own, with the answers a submission gives before any remote call: 404, 412, and a 400 for a
     * DRAFT without an article.
     */
    References.Cited toCheck(UUID id, ExpectedVersion expected) {
        Bulletin b = Issues.current(id, expected);
        requireArticle(b);
        return b.status == BulletinStatus.DRAFT ? References.Cited.of(b) : References.Cited.NONE;
    }

    /**
     * DRAFT → SUBMITTED, when every task and honor the draft names now was {@code found} (checked by
     * {@link Submission} before this transaction); {@link ReferencesChanged} when the draft names one
     * that was not, so it is checked first.
     */
    Bulletin submit(UUID id, ExpectedVersion expected, String actor, References.Cited found) {
        Bulletin b = Issues.current(id, expected);
        requireArticle(b);
        if (b.status == BulletinStatus.DRAFT && !found.cover(References.Cited.of(b))) {
            throw new ReferencesChanged();
        }
        transition(b, BulletinStatus.SUBMITTED, actor, "submit", null);
        b.submittedBy = actor;
        return Issues.loaded(b);
    }

    /** The draft names a task or honor not checked yet: the transaction is rolled back and the references checked again. */
    static final class ReferencesChanged extends RuntimeException {
        ReferencesChanged() {
            super("the issue's references changed while they were checked", null, false, false);
        }
    }

    /** Four eyes: the reviewer who approves must not be the editor who submitted. */
    public Bulletin approve(UUID id, ExpectedVersion expected, String actor) {
        Bulletin b = Issues.current(id, expected);
        if (b.status == BulletinStatus.SUBMITTED && actor.equals(b.submittedBy)) {
            throw ProblemException.forbidden("审核人不能核准自己送审的稿件 (four eyes: you submitted this issue, another reviewer must approve it)");
        }
        transition(b, BulletinStatus.APPROVED, actor, "approve", null);
        b.approvedBy = actor;
        return Issues.loaded(b);
    }

    public Bulletin returnToEditor(UUID id, ExpectedVersion expected, String reason, String actor) {
        Bulletin b = Issues.current(id, expected);
        transition(b, BulletinStatus.DRAFT, actor, "return", reason);
        b.submittedBy = null;
        return Issues.loaded(b);
    }

    public Bulletin recall(UUID id, ExpectedVersion expected, String reason, String actor) {
        Bulletin b = Issues.current(id, expected);
        transition(b, BulletinStatus.RECALLED, actor, "recall", reason);
        return Issues.loaded(b);
    }

    private static void requireArticle(Bulletin b) {
        if (b.status == BulletinStatus.DRAFT && b.articles.isEmpty()) {
            throw ProblemException.invalid("articles", "至少要有一篇文章才能送审 (an issue needs an article to be submitted)");
        }
    }

    private void transition(Bulletin b, BulletinStatus target, String actor, String action, String reason) {
        BulletinStatus from = b.status;
        b.moveTo(target);
        List<Revision.FieldChange> changes = new ArrayList<>();
        changes.add(new Revision.FieldChange("status", from.name(), target.name()));
        if (reason != null) {
            changes.add(new Revision.FieldChange("statusReason", b.statusReason, reason));
            b.statusReason = reason;
        }
        b.updatedAt = Instant.now(clock);
        revisions.record(b.id, actor, action, changes);
    }
}
