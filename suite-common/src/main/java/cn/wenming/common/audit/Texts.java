package cn.wenming.common.audit;

/** Text as the audit trail keeps it. */
final class Texts {

    private Texts() {
    }

    /**
     * {@code text} without what PostgreSQL cannot store or a terminal would act on (control characters,
     * lone surrogates: each becomes U+FFFD), cut to {@code max} characters; null stays null. A token's
     * upn or a path can carry anything, and the record must still be written, and hashed as stored.
     */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        int n = Math.min(text.length(), max);
        if (n > 0 && n < text.length() && Character.isHighSurrogate(text.charAt(n - 1)) && Character.isLowSurrogate(text.charAt(n))) {
            n--; // never cut a pair in half
        }
        StringBuilder b = new StringBuilder(n);
        boolean changed = n < text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                b.append('\uFFFD');
                changed = true;
            } else {
                b.append(c);
            }
        }
        return changed ? b.toString() : text;
    }
}
