package dlbugs.model.bundle;

import dlbugs.model.io.AtomicFile;
import org.deeplearning4j.util.ModelSerializer;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a {@link ModelBundle} as one zip file, through {@link AtomicFile}: a crash never leaves a
 * half-written bundle where a good one was.
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * @param bundle the model
     * @param target where to put it; its directory is created if needed
     * @throws IOException if it cannot be written (the previous file, if any, is untouched)
     */
    public static void write(ModelBundle bundle, Path target) throws IOException {
        AtomicFile.write(target, file -> {
            try (ZipOutputStream zip = new ZipOutputStream(file)) {
                entry(zip, BundleJson.MANIFEST, out -> BundleJson.MAPPER.writeValue(out, bundle.manifest()));
                entry(zip, BundleJson.VOCABULARY, out -> BundleJson.MAPPER.writeValue(out,
                        new BundleJson.VocabularyEntry(bundle.vocabulary().features(), bundle.vocabulary().idf())));
                entry(zip, BundleJson.NETWORK, out -> ModelSerializer.writeModel(bundle.network(), out, false));
                if (!bundle.known().bugs().isEmpty()) {
                    entry(zip, BundleJson.KNOWN_BUGS, out -> BundleJson.MAPPER.writeValue(out, bundle.known()));
                }
            }
        });
    }

    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private static void entry(ZipOutputStream zip, String name, EntryWriter writer) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        writer.write(new NonClosing(zip));
        zip.closeEntry();
    }

    /** Jackson and ModelSerializer close the stream they are given; the zip must stay open. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
