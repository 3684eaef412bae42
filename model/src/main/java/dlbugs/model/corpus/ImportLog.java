package dlbugs.model.corpus;

import java.util.Map;
import java.util.TreeMap;

/** Mutable counters the importer fills in while it reads; frozen into an {@link ImportReport}. */
final class ImportLog {
    final Map<String, Integer> rowsRead = new TreeMap<>();
    final Map<String, Integer> rowsDropped = new TreeMap<>();
    final Map<String, Integer> labelsDropped = new TreeMap<>();
    final Map<String, Integer> notes = new TreeMap<>();
    int rowsJoined;

    static void inc(Map<String, Integer> counter, String key) {
        counter.merge(key, 1, Integer::sum);
    }

    void read(String what) {
        inc(rowsRead, what);
    }

    void drop(String reason) {
        inc(rowsDropped, reason);
    }

    void dropLabel(String reason) {
        inc(labelsDropped, reason);
    }

    void note(String what) {
        inc(notes, what);
    }

    void note(String what, int times) {
        notes.merge(what, times, Integer::sum);
    }
}
