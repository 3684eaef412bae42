package dlbugs.cli;

import java.util.Locale;

/**
 * The words of a progress report, the same under a bar and on a plain line:
 * {@code 1,200/3,400 commits (35%), 240 commits/s, ETA 9 s, 410 labelled}.
 */
final class ProgressText {

    private ProgressText() {
    }

    /**
     * @param done    steps finished
     * @param max     steps in all; 0 or less if unknown (no percentage, no ETA)
     * @param unit    what a step is ("commits"), or ""
     * @param seconds time since the task started
     * @param detail  a note for the end, or ""
     * @param last    true for the final report: the time taken instead of an ETA
     */
    static String of(long done, long max, String unit, double seconds, String detail, boolean last) {
        String u = unit.isEmpty() ? "" : " " + unit;
        StringBuilder t = new StringBuilder(count(done));
        if (max > 0) {
            t.append('/').append(count(max)).append(u).append(" (").append(100 * Math.min(done, max) / max).append("%)");
        } else {
            t.append(u);
        }
        if (last) {
            t.append(String.format(Locale.ROOT, " in %.1f s", seconds));
        }
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            t.append(", ").append(rate(rate)).append(u).append("/s");
            if (!last && max > done) {
                t.append(", ETA ").append(duration(Math.round((max - done) / rate)));
            }
        }
        if (!detail.isBlank()) {
            t.append(", ").append(detail.strip());
        }
        return t.toString();
    }

    /** @return "5 s", "2 min 5 s" or "1 h 3 min" */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%,.0f" : r >= 1 ? "%.1f" : "%.2f", r);
    }
}
