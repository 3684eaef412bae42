package dlbugs.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarMeterTest {

    @Test
    void a_long_note_does_not_squeeze_the_bar_at_80_columns() {
        AtomicReference<String> shown = new AtomicReference<>("");
        ProgressBarMeter meter = new ProgressBarMeter(new DelegatingProgressBarConsumer(shown::set, 78),
                "cross-validation", 10, "epochs", Duration.ZERO);
        meter.stepTo(3);
        meter.detail("dlbugs[class-weight-power=0.5] fold 3/5");
        meter.close();

        Matcher bar = Pattern.compile("\\[([=> ]*)]").matcher(shown.get());
        assertThat(bar.find()).as(shown.get()).isTrue();
        assertThat(bar.group(1).length()).as(shown.get()).isEqualTo(ProgressBarMeter.MIN_BAR);
        assertThat(shown.get()).startsWith("cross-validation [======>").contains("] 3/10 epochs (30%)").hasSize(78);
    }
}
