package cn.wenming.honors.domain;

/** The outcome of a review (复查) of a unit title held for a term. */
public enum ReviewOutcome {
    /** 复查合格: the title is held for another term, counted from the end of the current one. */
    RENEWED,
    /** 复查不合格: the title lapses on the day of the review and leaves the roll. */
    LAPSED
}
