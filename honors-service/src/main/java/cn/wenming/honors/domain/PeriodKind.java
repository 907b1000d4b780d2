package cn.wenming.honors.domain;

/** How a program's rounds are counted: by session (第七届首都道德模范) or by year (2020年北京榜样). */
public enum PeriodKind {
    /** 届 */
    SESSION,
    /** 年度 */
    YEAR
}
