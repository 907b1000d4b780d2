package cn.wenming.honors.domain;

/** Who receives an honor of a program: a person, or a body that holds a title for a term. */
public enum RecipientKind {
    /** 个人, e.g. a 首都道德模范 or a 北京榜样 */
    PERSON,
    /** 单位, e.g. a 文明单位 */
    UNIT,
    /** 街道 */
    STREET,
    /** 社区 */
    COMMUNITY,
    /** 村镇, e.g. a 文明村镇 */
    VILLAGE,
    /** 家庭, e.g. a 文明家庭 */
    FAMILY,
    /** 校园, e.g. a 文明校园 */
    CAMPUS;

    /** A title held for a term (复查 at its end): everything but a person's honor. */
    public boolean holdsTitleForTerm() {
        return this != PERSON;
    }
}
