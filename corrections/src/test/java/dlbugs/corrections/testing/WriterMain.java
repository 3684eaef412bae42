package dlbugs.corrections.testing;

import dlbugs.corrections.CorrectionStore;
import dlbugs.corrections.CorrectionStores;
import dlbugs.corrections.StoreLocation;

import java.util.Map;

/**
 * A process that records corrections as fast as it can and prints each one's id once the store
 * acknowledged it, until it is killed: {@code WriterMain FILE}.
 */
public final class WriterMain {

    private WriterMain() {
    }

    public static void main(String[] args) {
        CorrectionStore store = CorrectionStores.open(StoreLocation.parse(args[0], Map.of()), 5_000);
        for (int i = 0; ; i++) {
            long id = store.record(Corrections.of(i, "Hang", "writer")).id();
            System.out.println(id);
            System.out.flush();
        }
    }
}
