package dlbugs.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressLineMeterTest {

    private final StringWriter out = new StringWriter();
    private long now;

    private ProgressLineMeter meter(long max, String unit) {
        return new ProgressLineMeter(new PrintWriter(out), "label-repo", max, unit, Duration.ofSeconds(5), () -> now);
    }

    private static long seconds(double s) {
        return Math.round(s * 1e9);
    }

    @Test
    void prints_a_plain_line_once_per_interval_and_a_final_line() {
        ProgressLineMeter m = meter(3_400, "commits");
        now = seconds(2);
        m.stepTo(500);
        assertThat(out.toString()).isEmpty();

        now = seconds(5);
        m.stepTo(1_200);
        now = seconds(6);
        m.stepTo(1_300);
        now = seconds(8);
        m.detail("410 labelled");
        m.stepTo(3_400);
        m.close();

        assertThat(out.toString().lines()).containsExactly(
                "label-repo: 1,200/3,400 commits (35%), 240 commits/s, ETA 9 s",
                "label-repo: 3,400/3,400 commits (100%) in 8.0 s, 425 commits/s, 410 labelled");
    }

    @Test
    void an_unknown_total_gives_counts_and_rate_without_percentage_or_eta() {
        ProgressLineMeter m = meter(0, "");
        now = seconds(10);
        m.step();
        m.step();
        m.close();

        assertThat(out.toString().lines()).containsExactly("label-repo: 1, 0.10/s", "label-repo: 2 in 10.0 s, 0.20/s");
    }

    @Test
    void a_meter_opened_after_its_task_began_times_the_task_from_its_start() {
        now = seconds(3);
        ProgressLineMeter m = new ProgressLineMeter(new PrintWriter(out), "label-repo", 100, "commits",
                Duration.ofSeconds(5), () -> now, 0);
        now = seconds(4);
        m.stepTo(100);
        m.close();

        assertThat(out.toString().lines()).containsExactly("label-repo: 100/100 commits (100%) in 4.0 s, 25 commits/s");
    }

    @Test
    void nothing_done_says_so_without_a_rate() {
        meter(24, "commits").close();
        assertThat(out.toString()).isEqualTo("label-repo: 0/24 commits (0%) in 0.0 s" + System.lineSeparator());
    }

    @Test
    void long_etas_read_in_minutes_and_hours() {
        assertThat(ProgressText.duration(59)).isEqualTo("59 s");
        assertThat(ProgressText.duration(125)).isEqualTo("2 min 5 s");
        assertThat(ProgressText.duration(3_780)).isEqualTo("1 h 3 min");
    }

    @Test
    void a_negative_interval_is_refused() {
        assertThatThrownBy(() -> new ProgressLineMeter(new PrintWriter(out), "t", 1, "", Duration.ofSeconds(-1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
