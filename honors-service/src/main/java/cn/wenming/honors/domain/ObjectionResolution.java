package cn.wenming.honors.domain;

/** How an objection (异议) raised during publicity is settled. */
public enum ObjectionResolution {
    /** 异议成立: the nomination is withdrawn. */
    UPHELD,
    /** 异议不成立: the nomination proceeds. */
    DISMISSED
}
