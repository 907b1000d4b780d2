package cn.wenming.task.domain;

/** Chinese numerals as plans write them: 第一 … 第十二, 四个方面, 二十三项. Up to 99. */
public final class ChineseNumerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 1 → 第一, 10 → 第十, 12 → 第十二, 23 → 第二十三. */
    public static String ordinal(int n) {
        return "第" + of(n);
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三; beyond 99 Arabic digits. */
    public static String of(int n) {
        if (n < 1 || n > 99) {
            return Integer.toString(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder s = new StringBuilder();
        if (tens > 0) {
            if (tens > 1) {
                s.append(DIGITS.charAt(tens));
            }
            s.append('十');
        }
        if (ones > 0) {
            s.append(DIGITS.charAt(ones));
        }
        return s.toString();
    }

    /**
     * Reads 一 … 九十九 (also 两, 〇 and 零) or Arabic digits, half- or full-width; -1 when the text
     * is not such a number.
     */
    public static int parse(String text) {
        if (text == null || text.isEmpty()) {
            return -1;
        }
        if (text.chars().allMatch(Character::isDigit)) {
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                value = value * 10 + Character.digit(text.charAt(i), 10);
                if (value > 100_000) {
                    return -1;
                }
            }
            return value;
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? digit(text.charAt(0)) : -1;
        }
        if (text.indexOf('十', ten + 1) >= 0 || ten > 1 || text.length() - ten > 2) {
            return -1;
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int ones = ten == text.length() - 1 ? 0 : digit(text.charAt(ten + 1));
        return tens < 1 || ones < 0 ? -1 : tens * 10 + ones;
    }

    private static int digit(char c) {
        if (c == '两') {
            return 2;
        }
        if (c == '〇') {
            return 0;
        }
        return DIGITS.indexOf(c);
    }
}
