package cn.wenming.distribution.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One try of a webhook delivery: when, how it ended (SENT, RETRY, FAILED), the answer's status and the error. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    @Column(name = "attempt_no", nullable = false)
    public int attemptNo;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 12)
    public String outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(length = 500)
    public String error;
}
