package cn.wenming.task.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.task.service.ProgressService.BulkRow;

/**
 * Reads bulk progress from CSV (RFC 4180: commas, quotes doubled inside quoted fields, line breaks
 * inside quotes; a UTF-8 BOM as Excel writes it is skipped). The first line names the columns, in
 * English or Chinese, in any order: {@code number}/编号, {@code unit}/单位, {@code percent}/进度,
 * {@code text}/进展 required; {@code date}/日期 and {@code reason}/原因 optional. Each further line
 * is a row labelled {@code lines[n]}, n its line number in the file (the header is line 1).
 */
public final class ProgressCsv {

    private static final Map<String, String> COLUMNS = new HashMap<>();

    static {
        for (String[] names : new String[][] {
                { "number", "编号", "序号", "任务编号" }, { "unit", "单位", "报告单位" }, { "percent", "进度", "完成进度", "百分比" },
                { "text", "进展", "进展情况" }, { "date", "日期", "报告日期" }, { "reason", "原因", "说明" } }) {
            for (String name : names) {
                COLUMNS.put(name.toLowerCase(), names[0]);
            }
        }
    }

    private record Line(int number, List<String> cells) {
    }

    private ProgressCsv() {
    }

    public static List<BulkRow> read(String csv) {
        List<Line> lines = parse(csv);
        if (lines.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "CSV 为空：第一行应为列名 (the CSV is empty: its first line names the columns)");
        }
        Map<String, Integer> index = header(lines.get(0).cells());
        List<BulkRow> rows = new ArrayList<>();
        for (Line line : lines.subList(1, lines.size())) {
            rows.add(row(line, index));
        }
        return rows;
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> index = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String column = COLUMNS.get(cells.get(i).strip().toLowerCase());
            if (column == null) {
                errors.add(new Problem.FieldError("header", "未知的列 “" + cells.get(i).strip() + "” (unknown column; known: number, unit, "
                        + "percent, text, date, reason)"));
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new Problem.FieldError("header", "列 “" + column + "” 出现了两次 (column named twice)"));
            }
        }
        for (String required : List.of("number", "unit", "percent", "text")) {
            if (!index.containsKey(required)) {
                errors.add(new Problem.FieldError("header", "缺少列 “" + required + "” (missing column)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "CSV 第一行的列名有误 (the header line is wrong)", errors);
        }
        return index;
    }

    private static BulkRow row(Line line, Map<String, Integer> index) {
        String label = "lines[" + line.number() + "]";
        List<Problem.FieldError> errors = new ArrayList<>();
        if (line.cells().size() > index.size()) {
            errors.add(new Problem.FieldError(label, "有 " + line.cells().size() + " 列，列名只有 " + index.size() + " 个 (more cells than columns)"));
        }
        Integer number = integer(cell(line, index, "number"), label + ".number", errors);
        Integer percent = integer(cell(line, index, "percent"), label + ".percent", errors);
        LocalDate date = null;
        String rawDate = cell(line, index, "date");
        if (rawDate != null) {
            try {
                date = LocalDate.parse(rawDate);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(label + ".date", "必须是 YYYY-MM-DD 格式的日期 (must be a date YYYY-MM-DD)"));
            }
        }
        BulkProgressRow input = new BulkProgressRow(number, date, cell(line, index, "unit"), percent, cell(line, index, "text"),
                cell(line, index, "reason"));
        return new BulkRow(label, input, errors);
    }

    /** The stripped cell of a column; null when the column or the cell is absent or blank. */
    private static String cell(Line line, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null || i >= line.cells().size()) {
            return null;
        }
        String value = line.cells().get(i).strip();
        return value.isEmpty() ? null : value;
    }

    private static Integer integer(String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "必须是整数 (must be an integer)"));
            return null;
        }
    }

    /** The non-blank lines' cells, each with the line number it starts on. */
    private static List<Line> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<Line> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int lineNo = 1;
        int startLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        lineNo++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                addLine(lines, startLine, cells, wasQuoted);
                cells = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
                lineNo++;
                startLine = lineNo;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "第 " + startLine + " 行的引号没有闭合 (an unclosed quote starts on line "
                    + startLine + ")");
        }
        cells.add(cell.toString());
        addLine(lines, startLine, cells, wasQuoted);
        return lines;
    }

    private static void addLine(List<Line> lines, int number, List<String> cells, boolean quoted) {
        boolean blank = !quoted && cells.stream().allMatch(String::isBlank);
        if (!blank) {
            lines.add(new Line(number, List.copyOf(cells)));
        }
    }
}
