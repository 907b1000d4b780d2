package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.NEVER;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.problem.ProblemException;

/**
 * Publication: APPROVED → PUBLISHED with the next numbers, now, at a scheduled time, or scheduled.
 * The 报/送/发 names of the distribution lists are asked of distribution-service first,
 * outside any transaction; then one transaction ({@link Publisher}) publishes with them. So a slow
 * or failing distribution-service holds no database connection and no lock (not the series row that
 * serializes the numbering, not the row), and it never delays another publication.
 *
 * <p>Should the lists change between that read and the transaction (a draft edited while a
 * publication of it waited for distribution-service, then approved), the transaction rolls back and
 * the names are read again, once; a second change is a 409 (publish again).
 */
@ApplicationScoped
public class Publication {

    @Inject
    Publisher publisher;

    @Inject
    References references;

    /**
     * Publishes or schedules the issue, once per idempotency key; {@code answer} makes the answer
     * (stored with the key) of the issue as published, in the publication's transaction.
     */
    @Transactional(NEVER)
    public Idempotency.Answer publish(Publish command, Function<Bulletin, Idempotency.Answer> answer) {
        if (command.at() != null) {
            return publisher.publish(command, null, answer); // scheduling asks no one
        }
        return withListedNames(command.id(), listed -> publisher.publish(command, listed, answer));
    }

    /** Publishes a scheduled issue whose time has come; false when it is no longer due. */
    @Transactional(NEVER)
    public boolean publishIfDue(UUID id) {
        return withListedNames(id, listed -> publisher.publishIfDue(id, listed));
    }

    /** Approved issues whose publication time has come, earliest first, at most {@code max}. */
    public List<UUID> due(int max) {
        return publisher.due(max);
    }

    private <T> T withListedNames(UUID id, Function<Publisher.Listed, T> transaction) {
        try {
            return transaction.apply(listed(id));
        } catch (Publisher.ListsChanged changed) {
            try {
                return transaction.apply(listed(id));
            } catch (Publisher.ListsChanged again) {
                throw ProblemException.conflict("简报的分发名单在印发时被修改，请重新印发 "
                        + "(the issue's distribution lists changed while it was being published: publish again)");
            }
        }
    }

    /** The lists (read in a transaction of their own, ended here) and their names, asked with no transaction open. */
    private Publisher.Listed listed(UUID id) {
        var lists = publisher.listsOf(id);
        return new Publisher.Listed(lists, references.listedNames(id, lists));
    }
}
