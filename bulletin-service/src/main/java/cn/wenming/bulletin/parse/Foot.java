package cn.wenming.bulletin.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.wenming.bulletin.domain.DistributionPart;

/**
 * The foot as read: the labelled fields ({@code 责编:…}, {@code 核稿:…}, {@code 电话:…}, several may share a
 * line) and the 报/送/发 and 本期增发 lines, whose groups may wrap over several blocks.
 */
record Foot(Map<String, String> fields, Map<DistributionPart, List<String>> distribution, List<String> additions) {

    private static final Pattern FIELD = Pattern.compile("(责编|核稿|电话|传真|邮箱|E-?mail|印数)\\s*[:：]\\s*([^\\s　]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART = Pattern.compile("^(报|送|发|本期增发)\\s*[:：]\\s*(.*)$", Pattern.DOTALL);

    /** Where the foot starts: the first block from {@code from} that starts with a field or a 报/送/发 part. */
    static int start(List<String> blocks, int from) {
        for (int k = from; k < blocks.size(); k++) {
            if (isFoot(blocks.get(k))) {
                return k;
            }
        }
        return blocks.size();
    }

    /** Reads the foot's blocks; a block that is neither a field, a part nor a part's continuation is a warning. */
    static Foot read(List<String> blocks, List<String> warnings) {
        Foot foot = new Foot(new LinkedHashMap<>(), new EnumMap<>(DistributionPart.class), new ArrayList<>());
        String openPart = null;
        for (String b : blocks) {
            Matcher part = PART.matcher(b);
            if (part.matches()) {
                openPart = part.group(1);
                foot.addGroups(openPart, part.group(2));
                continue;
            }
            if (foot.readFields(b)) {
                openPart = null;
            } else if (openPart != null) {
                foot.addGroups(openPart, b); // a 报/送/发 line wrapped
            } else {
                warnings.add("页脚中无法识别的一行 (an unplaced line at the foot): " + b);
            }
        }
        return foot;
    }

    /** The value of a field ({@code 责编}, {@code 核稿}, {@code 电话}, {@code 传真}, {@code 邮箱}, {@code 印数}), or null. */
    String field(String name) {
        return fields.get(name);
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    private static boolean isFoot(String b) {
        return PART.matcher(b).matches() || FIELD.matcher(b).lookingAt();
    }

    /** Reads the fields of one block; false when it has none. {@code E-mail} is filed as {@code 邮箱}. */
    private boolean readFields(String b) {
        Matcher f = FIELD.matcher(b);
        boolean any = false;
        while (f.find()) {
            fields.put(f.group(1).toLowerCase().startsWith("e") ? "邮箱" : f.group(1), f.group(2));
            any = true;
        }
        return any;
    }

    /** The groups of a part's text, split at commas, without the closing {@code 。}. */
    private void addGroups(String part, String text) {
        List<String> target = switch (part) {
            case "报" -> distribution.computeIfAbsent(DistributionPart.REPORT, p -> new ArrayList<>());
            case "送" -> distribution.computeIfAbsent(DistributionPart.SEND, p -> new ArrayList<>());
            case "发" -> distribution.computeIfAbsent(DistributionPart.ISSUE, p -> new ArrayList<>());
            default -> additions;
        };
        String groups = text.strip();
        while (!groups.isEmpty() && "。.；;".indexOf(groups.charAt(groups.length() - 1)) >= 0) {
            groups = groups.substring(0, groups.length() - 1);
        }
        for (String g : groups.split("[,，]")) {
            if (!g.isBlank()) {
                target.add(g.strip());
            }
        }
    }
}
