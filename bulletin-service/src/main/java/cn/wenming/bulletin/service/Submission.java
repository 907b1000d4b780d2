package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.NEVER;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;

/**
 * Submission: DRAFT → SUBMITTED once every task and honor the draft's articles name exists. The
 * references are read in a short transaction, asked of task- and honors-service with no transaction
 * open, then one transaction ({@link Workflow#submit(UUID, ExpectedVersion, String, References.Cited)})
 * submits. So a slow or failing peer holds no database connection, no open transaction and no lock.
 *
 * <p>As with {@link Publication}: should the draft name a task or honor that was not checked (edited
 * while the peers were asked), the transaction rolls back and the references are read and checked
 * again, once; a second change is a 409 (submit again). A draft that names the same references or
 * fewer needs no new check: all it names was found.
 */
@ApplicationScoped
public class Submission {

    @Inject
    Workflow workflow;

    @Inject
    References references;

    /**
     * Submits the issue: the answers are those of a check inside the transaction (404, 412, 409 for an
     * issue that is not a DRAFT, 400 naming each missing reference, 503 naming the peer that did not answer).
     */
    @Transactional(NEVER)
    public Bulletin submit(UUID id, ExpectedVersion expected, String actor) {
        try {
            return workflow.submit(id, expected, actor, checked(id, expected));
        } catch (Workflow.ReferencesChanged changed) {
            try {
                return workflow.submit(id, expected, actor, checked(id, expected));
            } catch (Workflow.ReferencesChanged again) {
                throw ProblemException.conflict("简报文章引用的任务或荣誉在送审时被修改，请重新送审 "
                        + "(the tasks or honors the issue's articles name changed while they were being checked: submit again)");
            }
        }
    }

    /** The references the draft names (read in a transaction of its own, ended here), checked with no transaction open. */
    private References.Cited checked(UUID id, ExpectedVersion expected) {
        References.Cited cited = workflow.toCheck(id, expected);
        references.requireExisting(cited);
        return cited;
    }
}
