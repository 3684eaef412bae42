package dlbugs.label.repo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells whether a file is code using one of the study's DL libraries, from its path and the
 * start of its content: Python importing tensorflow, keras, torch, theano or caffe; a Caffe
 * {@code .prototxt}; Lua requiring torch or nn.
 */
final class DlLibraries {

    /** How much of a file is read to find its imports. */
    static final int HEAD_BYTES = 256 * 1024;

    private static final Pattern PYTHON = Pattern.compile(
            "^\\s*(?:from|import)\\s+(tensorflow|keras|torch|theano|caffe)\\b", Pattern.MULTILINE);
    private static final Pattern LUA = Pattern.compile(
            "\\brequire\\s*\\(?\\s*['\"](torch|nn|cutorch|cunn|cudnn|optim)['\"]");

    private DlLibraries() {
    }

    /** @return true if a file at {@code path} can be DL code, judged by its extension alone */
    static boolean mayBeDl(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".py") || p.endsWith(".lua") || p.endsWith(".prototxt");
    }

    /**
     * @param path repository path of the file
     * @param head its content; only the first {@link #HEAD_BYTES} are read
     * @return the canonical library name ({@code tensorflow}, {@code keras}, {@code torch},
     *         {@code theano}, {@code caffe}) or empty if the file is not DL code
     */
    static Optional<String> of(String path, byte[] head) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".prototxt")) {
            return Optional.of("caffe");
        }
        if (!p.endsWith(".py") && !p.endsWith(".lua")) {
            return Optional.empty();
        }
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = (p.endsWith(".py") ? PYTHON : LUA).matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(p.endsWith(".lua") ? "torch" : m.group(1));
    }
}
