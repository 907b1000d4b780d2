package cn.wenming.honors.domain;

/** A person recipient's gender, as the honor roll prints it (男/女). */
public enum Gender {
    /** 男 */
    MALE,
    /** 女 */
    FEMALE
}
