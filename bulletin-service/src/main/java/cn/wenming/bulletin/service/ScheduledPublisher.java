package cn.wenming.bulletin.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes approved issues whose {@code publishAt} has come. The schedule lives in the database,
 * so it survives restarts; with several replicas the row lock lets exactly one publish each issue.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    @Inject
    Publication publication;

    @Scheduled(identity = "publish-due", every = "${bulletin.scheduler.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        for (UUID id : publication.due(100)) {
            try {
                if (publication.publishIfDue(id)) {
                    LOG.infof("scheduled issue %s published", id);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "scheduled issue %s could not be published; will try again", id);
            }
        }
    }
}
