#!/usr/bin/env bash
# Photographs the printed HTML layout of the seed issue (2020年第17期, 总第2126期) with headless Chromium:
# HtmlLayoutTest renders the seed issue to target/seed-issue.html, Chromium takes a 1240 px wide (A4 at 150 dpi)
# screenshot of it in a window taller than the issue, and a few lines of Java (the JDK's ImageIO, no other tool)
# cut the picture just below the page, so that it shows the whole issue, masthead to 报/送/发 block.
# Writes docs/seed-issue.png.
#
#   bulletin-service/docs/screenshot.sh            # run the test, then take the screenshot
#   bulletin-service/docs/screenshot.sh --no-test  # reuse target/seed-issue.html
#
# Needs: Java 17 (the build's), chromium and a CJK font (Debian: apt-get install -y chromium fonts-noto-cjk, or
# fonts-wqy-zenhei). CHROMIUM=/path overrides the browser; HEIGHT=1754 gives just the first A4 page.
set -euo pipefail

docs="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
service="$(dirname "$docs")"
root="$(dirname "$service")"
html="$service/target/seed-issue.html"
png="$docs/seed-issue.png"

if [[ "${1:-}" != "--no-test" ]]; then
  (cd "$root" && ./mvnw -B -q -pl suite-common,bulletin-service test -Dtest=HtmlLayoutTest \
      -Dsurefire.failIfNoSpecifiedTests=false)
fi
[[ -s "$html" ]] || { echo "no $html: run HtmlLayoutTest first" >&2; exit 1; }

chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
[[ -n "$chromium" ]] || { echo "no chromium: apt-get install -y chromium fonts-noto-cjk" >&2; exit 1; }
fc-list :lang=zh family 2>/dev/null | grep -q . \
  || echo "warning: no CJK font installed (apt-get install -y fonts-noto-cjk): the text will show as boxes" >&2

width=1240
height="${HEIGHT:-8000}" # tall enough for a long issue; the picture is cut below the page

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shot="$work/shot.png"

"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$work/profile" --window-size="$width,$height" --screenshot="$shot" \
  "file://$html" >/dev/null 2>&1
[[ -s "$shot" ]] || { echo "chromium took no screenshot" >&2; exit 1; }

# Cut below the lowest row that is not the grey ground (the page is white on #e9e9e9), keeping a margin.
cat > "$work/Crop.java" <<'JAVA'
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Crop {
    public static void main(String[] args) throws Exception {
        BufferedImage in = ImageIO.read(new File(args[0]));
        int ground = in.getRGB(0, in.getHeight() - 1), bottom = 0;
        for (int y = in.getHeight() - 1; y >= 0 && bottom == 0; y--) {
            for (int x = 0; x < in.getWidth(); x++) {
                if (Math.abs((in.getRGB(x, y) & 0xff) - (ground & 0xff)) > 2) { bottom = y + 1; break; }
            }
        }
        int h = Math.min(in.getHeight(), Math.max(bottom + 24, 1));
        BufferedImage out = new BufferedImage(in.getWidth(), h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(in.getSubimage(0, 0, in.getWidth(), h), 0, 0, null);
        ImageIO.write(out, "png", new File(args[1]));
        System.out.println(in.getWidth() + "x" + h);
    }
}
JAVA
size="$(java "$work/Crop.java" "$shot" "$png")"
echo "wrote $png ($size)"
