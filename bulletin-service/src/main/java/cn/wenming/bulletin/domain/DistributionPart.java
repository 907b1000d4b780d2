package cn.wenming.bulletin.domain;

/** The three parts of the distribution block, in rank order: 报 up, 送 across, 发 down. */
public enum DistributionPart {
    /** 报: reported up to superiors. */
    REPORT,
    /** 送: sent to peers. */
    SEND,
    /** 发: issued down to subordinates. */
    ISSUE
}
