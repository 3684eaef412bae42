package dlbugs.model.features;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a text into a BERT encoder's input (token ids, attention mask, token types) exactly as
 * langchain4j's {@code OnnxBertBiEncoder} did when the shipped bundles were trained: tokenize
 * (the tokenizer file cuts at its maximum length, so there is one window of at most 512 tokens),
 * rebuild a sentence from the word pieces, and use it if it tokenizes back to the same pieces,
 * else the pieces glued together. Two tokenizer calls instead of langchain4j's three: the
 * rebuilt sentence's own encoding is the input. Thread-safe (the Rust tokenizer is).
 */
final class WordPieceInput {

    /** The longest input a BERT encoder takes, special tokens included. */
    static final int MAX_TOKENS = 512;

    private final HuggingFaceTokenizer tokenizer;

    /** @param tokenizerJson a Hugging Face {@code tokenizer.json}; padding is turned off whatever it says */
    WordPieceInput(byte[] tokenizerJson) {
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer", e);
        }
    }

    /**
     * One text's encoder input.
     *
     * @param ids   token ids, [CLS] and [SEP] included
     * @param mask  the attention mask (all ones: nothing is padded)
     * @param types the token type ids
     */
    record Tokens(long[] ids, long[] mask, long[] types) {
        int length() {
            return ids.length;
        }
    }

    /**
     * @param text a non-blank text
     * @return its input, or null if it has no word piece between [CLS] and [SEP]
     */
    Tokens of(String text) {
        String[] first = tokenizer.encode(text).getTokens();
        if (first.length > MAX_TOKENS) {
            throw new IllegalStateException("the tokenizer did not cut the text at " + MAX_TOKENS + " tokens");
        }
        if (first.length <= 2) {
            return null;
        }
        List<String> pieces = Arrays.asList(first).subList(1, first.length - 1);
        Encoding rebuilt = tokenizer.encode(tokenizer.buildSentence(pieces), true, false);
        String[] again = rebuilt.getTokens();
        boolean same = again.length == pieces.size() + 2
                && Arrays.asList(again).subList(1, again.length - 1).equals(pieces);
        Encoding input = same ? rebuilt : tokenizer.encode(String.join("", pieces), true, false);
        return new Tokens(input.getIds(), input.getAttentionMask(), input.getTypeIds());
    }
}
