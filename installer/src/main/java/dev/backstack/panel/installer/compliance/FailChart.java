package dev.backstack.panel.installer.compliance;

import dev.backstack.panel.model.compliance.ComplianceSample;
import java.util.List;
import java.util.Locale;

/** A small inline SVG of the fleet's failing results (fail + error) over time, for the HTML report. */
final class FailChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 120;
    private static final int PAD = 6;

    private FailChart() {}

    static String svg(List<ComplianceSample> series) {
        long t0 = series.get(0).minuteMillis();
        long span = Math.max(1, series.get(series.size() - 1).minuteMillis() - t0);
        long max = Math.max(
                1,
                series.stream()
                        .mapToLong(s -> s.counts().fail() + s.counts().error())
                        .max()
                        .orElse(1));
        StringBuilder points = new StringBuilder();
        double lastY = HEIGHT - PAD;
        for (ComplianceSample s : series) {
            double x = PAD + (WIDTH - 2.0 * PAD) * (s.minuteMillis() - t0) / span;
            double y = HEIGHT
                    - PAD
                    - (HEIGHT - 2.0 * PAD) * (s.counts().fail() + s.counts().error()) / max;
            if (points.length() > 0) {
                points.append(String.format(Locale.ROOT, " %.1f,%.1f", x, lastY));
            }
            points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", points.length() > 0 ? " " : "", x, y));
            lastY = y;
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"" + HEIGHT
                + "\" role=\"img\" aria-label=\"failing results over time, at most " + max + "\">"
                + "<polyline fill=\"none\" stroke=\"#d1242f\" stroke-width=\"2\" points=\"" + points + "\"/></svg>";
    }
}
