package cn.wenming.distribution.domain;

/** PENDING → SENT → ACKNOWLEDGED (签收), or FAILED after the last retry. */
public enum DeliveryStatus {
    PENDING, SENT, ACKNOWLEDGED, FAILED
}
