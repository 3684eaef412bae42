package dlbugs.corrections.testing;

import dlbugs.corrections.StoreLocation;

import java.nio.file.Path;
import java.util.Map;

/** The two databases the store runs on; the store's tests and the service's run on both. */
public enum Backend {
    SQLITE {
        @Override
        public StoreLocation fresh(Path dir) {
            return StoreLocation.parse(dir.resolve("var").resolve("corrections.db").toString(), Map.of());
        }
    },
    POSTGRESQL {
        @Override
        public StoreLocation fresh(Path dir) {
            return StoreLocation.parse(Postgres.newDatabase(), Map.of());
        }
    };

    /** @return a new, empty database of this kind (an SQLite file under {@code dir}, not yet created) */
    public abstract StoreLocation fresh(Path dir);
}
