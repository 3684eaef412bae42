package dlbugs.model.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the vectors of the last {@code capacity} distinct texts, keyed by the SHA-256 of the
 * text, so that cross-validation encodes each unit once however many folds and candidates see
 * it, and the service answers a repeated text from memory. Least recently used texts are
 * forgotten first. Safe to share between threads; the wrapped encoder is called outside the
 * lock, so two threads may both encode a text that neither had yet.
 */
public final class CachedTextEncoder implements TextEncoder {

    private final TextEncoder encoder;
    private final int capacity;
    private final Map<String, float[]> vectors;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @param encoder  the encoder to ask on a miss
     * @param capacity most texts remembered (each costs {@code 4 · dimensions} bytes and a key)
     */
    public CachedTextEncoder(TextEncoder encoder, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be positive, got " + capacity);
        }
        this.encoder = encoder;
        this.capacity = capacity;
        this.vectors = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > CachedTextEncoder.this.capacity;
            }
        };
    }

    @Override
    public EncoderSpec spec() {
        return encoder.spec();
    }

    @Override
    public float[][] encode(List<String> texts) {
        return TextEncoder.join(encodeAsync(texts));
    }

    /** Texts remembered are answered at once; the others go to the wrapped encoder's own threads, if it has some. */
    @Override
    public CompletableFuture<float[][]> encodeAsync(List<String> texts) {
        List<String> keys = texts.stream().map(CachedTextEncoder::key).toList();
        float[][] out = new float[texts.size()][];
        Map<String, String> missing = new LinkedHashMap<>();
        synchronized (vectors) {
            for (int i = 0; i < out.length; i++) {
                float[] v = vectors.get(keys.get(i));
                if (v != null) {
                    out[i] = v.clone();
                } else {
                    missing.putIfAbsent(keys.get(i), texts.get(i));
                }
            }
        }
        hits.addAndGet(texts.size() - missing.size());
        misses.addAndGet(missing.size());
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(out);
        }
        return encoder.encodeAsync(new ArrayList<>(missing.values())).thenApply(fresh -> fill(out, keys, missing, fresh));
    }

    private float[][] fill(float[][] out, List<String> keys, Map<String, String> missing, float[][] fresh) {
        Map<String, float[]> byKey = new LinkedHashMap<>();
        int j = 0;
        for (String k : missing.keySet()) {
            byKey.put(k, fresh[j++]);
        }
        synchronized (vectors) {
            vectors.putAll(byKey);
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = byKey.get(keys.get(i)).clone();
            }
        }
        return out;
    }

    /** @return texts answered from memory so far (a text repeated within one call is encoded once, its repeats are hits) */
    public long hits() {
        return hits.get();
    }

    /** @return distinct texts the wrapped encoder was asked for so far */
    public long misses() {
        return misses.get();
    }

    /** @return texts remembered now, at most the capacity */
    public int size() {
        synchronized (vectors) {
            return vectors.size();
        }
    }

    private static String key(String text) {
        return TextEncoders.sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
