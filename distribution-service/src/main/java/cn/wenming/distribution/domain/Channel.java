package cn.wenming.distribution.domain;

/** How an organization receives the bulletin. */
public enum Channel {
    /** Signed JSON POSTed to the organization's own system. */
    WEBHOOK,
    /** E-mail through SMTP. */
    EMAIL,
    /** Paper only: an operator records the hand-over. */
    PAPER
}
