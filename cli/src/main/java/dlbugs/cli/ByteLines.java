package dlbugs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of raw bytes ({@code \n} or {@code \r\n}), leaving the decoding to
 * the reader of each line, so that one line of invalid UTF-8 is that line's error and not the
 * end of the input. A line over the limit is skipped to its end and marked {@link Line#tooLong()}.
 */
final class ByteLines {

    /** One line, without its terminator; {@code bytes} is empty when it was too long. */
    record Line(byte[] bytes, boolean tooLong) {
        boolean isBlank() {
            if (tooLong) {
                return false;
            }
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxBytes;

    ByteLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** @return the next line, or null at the end of the stream */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1 && line.size() == 0 && !tooLong) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new Line(tooLong ? new byte[0] : Arrays.copyOf(bytes, end), tooLong);
    }
}
