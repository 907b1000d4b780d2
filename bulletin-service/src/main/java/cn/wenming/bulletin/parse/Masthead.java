package cn.wenming.bulletin.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The masthead as read: series title, 第N期, (总第N期), office and date, in that order as printed; any of
 * them may be missing. {@code end} is the index of the first block after it.
 */
record Masthead(String seriesTitle, String office, Integer issueNo, Integer cumulativeNo, LocalDate date, int end) {

    private static final Pattern ISSUE_NO = Pattern.compile("^第\\s*(\\d+)\\s*期$");
    private static final Pattern CUMULATIVE_NO = Pattern.compile("^[（(]\\s*总\\s*第\\s*(\\d+)\\s*期\\s*[)）]$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日$");
    /** The masthead ends with its date, and within this many blocks when the date cannot be read. */
    private static final int MAX_BLOCKS = 8;

    /** Reads the masthead from the first blocks; what cannot be placed is a warning. */
    static Masthead read(List<String> blocks, List<String> warnings) {
        String seriesTitle = null;
        String office = null;
        Integer issueNo = null;
        Integer cumulativeNo = null;
        LocalDate date = null;
        int i = 0;
        while (i < blocks.size() && date == null && i < MAX_BLOCKS) {
            String b = blocks.get(i);
            Matcher m;
            if ((m = ISSUE_NO.matcher(b)).matches()) {
                issueNo = Integer.valueOf(m.group(1));
            } else if ((m = CUMULATIVE_NO.matcher(b)).matches()) {
                cumulativeNo = Integer.valueOf(m.group(1));
            } else if ((m = DATE.matcher(b)).find()) {
                date = date(m, warnings);
                String before = b.substring(0, m.start()).strip();
                if (!before.isEmpty()) {
                    office = before;   // office and date on one line
                }
            } else if (seriesTitle == null && issueNo == null) {
                seriesTitle = b;
            } else if (office == null && issueNo != null) {
                office = b;
            } else {
                warnings.add("报头中无法识别的一行 (an unplaced masthead line): " + b);
            }
            i++;
        }
        return new Masthead(seriesTitle, office, issueNo, cumulativeNo, date, i);
    }

    private static LocalDate date(Matcher m, List<String> warnings) {
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            warnings.add("日期无效 (an impossible date): " + m.group());
            return null;
        }
    }
}
