package cn.wenming.honors.domain;

/** The level of an honor within its program: the honor itself, or the nomination award (提名奖). */
public enum HonorLevel {
    /** 奖项本身, e.g. 第七届首都道德模范 */
    AWARD,
    /** 提名奖, e.g. 第七届首都道德模范提名奖 */
    NOMINATION
}
