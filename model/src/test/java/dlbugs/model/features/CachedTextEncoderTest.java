package dlbugs.model.features;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedTextEncoderTest {

    /** Encodes a text as its length, and remembers what it was asked. */
    private static final class CountingEncoder implements TextEncoder {
        final List<String> asked = new ArrayList<>();

        @Override
        public EncoderSpec spec() {
            return new EncoderSpec("fake", "test:fake", "1", 1, "sha256:" + "0".repeat(64));
        }

        @Override
        public float[][] encode(List<String> texts) {
            asked.addAll(texts);
            return texts.stream().map(t -> new float[] {t.length()}).toArray(float[][]::new);
        }
    }

    @Test
    void encodes_each_distinct_text_once_and_answers_repeats_from_memory() {
        CountingEncoder inner = new CountingEncoder();
        CachedTextEncoder cache = new CachedTextEncoder(inner, 10);
        assertThat(cache.encode(List.of("ab", "abc", "ab"))).isDeepEqualTo(new float[][] {{2}, {3}, {2}});
        assertThat(cache.encode(List.of("abc", "abcd"))).isDeepEqualTo(new float[][] {{3}, {4}});
        assertThat(inner.asked).containsExactly("ab", "abc", "abcd");
        assertThat(cache.misses()).isEqualTo(3);
        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.spec()).isEqualTo(inner.spec());
    }

    @Test
    void forgets_the_least_recently_used_text_beyond_its_capacity() {
        CountingEncoder inner = new CountingEncoder();
        CachedTextEncoder cache = new CachedTextEncoder(inner, 2);
        cache.encode(List.of("a", "bb"));
        cache.encode("a");
        cache.encode("ccc");
        assertThat(cache.size()).isEqualTo(2);
        cache.encode(List.of("a", "bb"));
        assertThat(inner.asked).containsExactly("a", "bb", "ccc", "bb");
    }

    @Test
    void a_caller_cannot_change_what_is_remembered() {
        CachedTextEncoder cache = new CachedTextEncoder(new CountingEncoder(), 2);
        cache.encode("ab")[0] = 99;
        assertThat(cache.encode("ab")).containsExactly(2);
    }

    @Test
    void rejects_a_capacity_below_one() {
        assertThatThrownBy(() -> new CachedTextEncoder(new CountingEncoder(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
