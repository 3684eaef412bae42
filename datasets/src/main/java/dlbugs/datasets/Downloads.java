package dlbugs.datasets;

import dlbugs.model.io.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Downloads published files and checks them against their stored size and SHA-256. A file is
 * written to a temporary sibling and moved into place only once it verifies; a file already in
 * place with the right digest is not downloaded again.
 */
public final class Downloads {

    private final HttpClient http;

    public Downloads(HttpClient http) {
        this.http = http;
    }

    /**
     * @return true if it was downloaded, false if a verified copy was already there
     * @throws FetchException if the server refuses it or it does not verify (nothing is written)
     */
    public boolean fetch(Artifact a, Path outDir) throws IOException, InterruptedException {
        Path target = outDir.resolve(a.file());
        if (Files.isRegularFile(target) && Files.size(target) == a.size() && a.sha256().equals(sha256(target))) {
            return false;
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(HttpRequest.newBuilder(a.url()).timeout(Duration.ofMinutes(10)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException("cannot download " + a.url() + ": " + describe(e), e);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new FetchException("GET " + a.url() + " answered HTTP " + r.statusCode());
            }
            AtomicFile.write(target, out -> copyVerified(a, in, out));
        }
        return true;
    }

    /** Copies the body, refusing it (so nothing is moved into place) unless it is the published file. */
    private static void copyVerified(Artifact a, InputStream in, OutputStream out) throws IOException {
        MessageDigest sha = digest();
        long size = in.transferTo(new DigestOutputStream(out, sha));
        String got = HexFormat.of().formatHex(sha.digest());
        if (size != a.size() || !got.equals(a.sha256())) {
            throw new FetchException(a.url() + " is not the published " + a.file() + ": " + size + " bytes, sha256 "
                    + got + "; expected " + a.size() + " bytes, sha256 " + a.sha256());
        }
    }

    /** @return an exception in words: its message, or its kind when it has none (a refused connection) */
    static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage()
                : e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    /** @return the hex SHA-256 of a file's bytes, as {@link Artifact#sha256()} states it */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
