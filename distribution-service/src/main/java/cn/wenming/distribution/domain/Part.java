package cn.wenming.distribution.domain;

/**
 * A part of the 报/送/发 block, declared from the highest down: a body named in two parts receives
 * its one copy under the higher.
 */
public enum Part {
    /** 报: up to superiors. */
    REPORT("报"),
    /** 送: to peers. */
    SEND("送"),
    /** 发: down to subordinates. */
    ISSUE("发");

    private final String label;

    Part(String label) {
        this.label = label;
    }

    /** 报, 送 or 发. */
    public String label() {
        return label;
    }

    /** Whichever of two parts is higher (REPORT over SEND over ISSUE). */
    public static Part higher(Part a, Part b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
