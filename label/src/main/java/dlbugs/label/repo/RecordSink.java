package dlbugs.label.repo;

import java.io.IOException;
import java.util.List;

/** Where labelled records go: an output file that can be resumed, or a stream. */
public interface RecordSink {

    /** @return true if a record with this key was written before */
    boolean contains(String key);

    /** Writes records and makes them durable before returning. */
    void append(List<LabelRecord> records) throws IOException;
}
