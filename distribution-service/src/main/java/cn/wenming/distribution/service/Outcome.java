package cn.wenming.distribution.service;

/** How one attempt to send a delivery ended: accepted (2xx, or the mail server took it), or the status (null without one) and why not. */
public record Outcome(boolean sent, Integer status, String error) {

    public static Outcome accepted(Integer status) {
        return new Outcome(true, status, null);
    }

    public static Outcome failed(Integer status, String error) {
        return new Outcome(false, status, error);
    }

    /** A failure as an operator reads it: what happened, in Chinese and English, and the exception's own words. */
    static Outcome failed(String what, Throwable e) {
        return failed(null, what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
}
