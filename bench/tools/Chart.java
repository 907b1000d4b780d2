import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The chart of bench/run: throughput (requests/s, with its ratio to the static ceiling) and
 * latency percentiles (p50, p90, p99 in ms) per scenario, as a PNG. Plain java.awt, headless, so
 * it draws on any machine with a JDK.
 *
 * <pre>java -Djava.awt.headless=true bench/tools/Chart.java results.tsv out.png "title"</pre>
 *
 * results.tsv: one line a run, tab-separated: name, requests/s, ratio, p50, p90, p99 (ms).
 */
public final class Chart {

    record Row(String name, double rps, double ratio, double p50, double p90, double p99) {
    }

    static final Color[] LATENCY = { new Color(0x4C78A8), new Color(0xF58518), new Color(0xE45756) };

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 6) {
                rows.add(new Row(f[0], d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5])));
            }
        }
        int w = 1200, h = 620;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(args.length > 2 ? args[2] : "bench/run", 20, 28);

        // left: throughput
        panel(g, 20, 60, 560, 500, "throughput, requests/s (ratio to the static ceiling)");
        double maxRps = rows.stream().mapToDouble(Row::rps).max().orElse(1);
        int x0 = 80, y0 = 520, ph = 420, pw = 480;
        axis(g, x0, y0, pw, ph, maxRps, "%.0f");
        int slot = pw / Math.max(1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int bh = (int) (ph * r.rps / nice(maxRps));
            int bx = x0 + i * slot + slot / 5;
            g.setColor(r.name.startsWith("ceiling") ? Color.GRAY : new Color(0x54A24B));
            g.fillRect(bx, y0 - bh, slot * 3 / 5, bh);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.drawString(String.format("%.0f", r.rps), bx, y0 - bh - 16);
            g.drawString(String.format("(%.2f)", r.ratio), bx, y0 - bh - 4);
            label(g, r.name, bx, y0 + 14);
        }

        // right: latency percentiles
        panel(g, 610, 60, 570, 500, "latency, ms: p50 / p90 / p99");
        double maxMs = rows.stream().mapToDouble(Row::p99).max().orElse(1);
        x0 = 670;
        pw = 490;
        axis(g, x0, y0, pw, ph, maxMs, "%.1f");
        slot = pw / Math.max(1, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double[] v = { r.p50, r.p90, r.p99 };
            int bw = slot / 4;
            for (int k = 0; k < 3; k++) {
                int bh = (int) (ph * v[k] / nice(maxMs));
                int bx = x0 + i * slot + slot / 8 + k * bw;
                g.setColor(LATENCY[k]);
                g.fillRect(bx, y0 - bh, bw - 2, bh);
            }
            label(g, r.name, x0 + i * slot + slot / 8, y0 + 14);
        }
        String[] names = { "p50", "p90", "p99" };
        for (int k = 0; k < 3; k++) {
            g.setColor(LATENCY[k]);
            g.fillRect(1020 + k * 55, 80, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names[k], 1036 + k * 55, 91);
        }
        g.dispose();
        ImageIO.write(img, "png", new File(args[1]));
    }

    static void panel(Graphics2D g, int x, int y, int w, int h, String title) {
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(x, y, w, h + 50);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x + 10, y + 18);
    }

    static void axis(Graphics2D g, int x0, int y0, int pw, int ph, double max, String format) {
        double top = nice(max);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int t = 0; t <= 4; t++) {
            int y = y0 - ph * t / 4;
            g.setColor(new Color(0xDDDDDD));
            g.setStroke(new BasicStroke(1));
            g.drawLine(x0, y, x0 + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(format, top * t / 4), x0 - 50, y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawLine(x0, y0, x0 + pw, y0);
    }

    static void label(Graphics2D g, String name, int x, int y) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        String[] parts = name.split("-", 2);
        g.drawString(parts[0], x, y);
        if (parts.length > 1) {
            g.drawString(parts[1], x, y + 12);
        }
    }

    /** A round number at or above {@code v}: 1, 2 or 5 times a power of ten. */
    static double nice(double v) {
        if (v <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] { 1, 2, 5, 10 }) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static double d(String s) {
        return Double.parseDouble(s.trim());
    }
}
