package dlbugs.corrections;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the corrections live: an SQLite file (a path, or {@code jdbc:sqlite:PATH}) or a PostgreSQL
 * database ({@code jdbc:postgresql://HOST[:PORT]/DB?user=NAME}), with the password read from the
 * environment only ({@value #PASSWORD_ENV}), never from the URL, a flag or a log.
 *
 * @param postgres true for PostgreSQL, false for an SQLite file
 * @param target   the SQLite file, or the PostgreSQL JDBC URL
 * @param password PostgreSQL's password, or null
 */
public record StoreLocation(boolean postgres, String target, String password) {

    /** The environment variable naming the store when no option does. */
    public static final String ENV = "DLBUGS_CORRECTIONS";
    /** The environment variable holding PostgreSQL's password. */
    public static final String PASSWORD_ENV = "DLBUGS_CORRECTIONS_PASSWORD";
    /** The default store: an SQLite file under the working directory's (git-ignored) {@code var/}. */
    public static final String DEFAULT = "var/corrections.db";
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";

    public StoreLocation {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("no corrections database named");
        }
    }

    /**
     * @param raw what the user gave ({@code --corrections}), or null for {@value #ENV}, else {@value #DEFAULT}
     * @param env the environment
     * @throws IllegalArgumentException for a URL of another database, or one carrying a password
     */
    public static StoreLocation parse(String raw, Function<String, String> env) {
        String given = raw != null && !raw.isBlank() ? raw.strip()
                : env.apply(ENV) != null && !env.apply(ENV).isBlank() ? env.apply(ENV).strip() : DEFAULT;
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith(POSTGRES)) {
            if (lower.contains("password=")) {
                throw new IllegalArgumentException("the corrections database URL must not hold the password; set "
                        + PASSWORD_ENV + " instead");
            }
            return new StoreLocation(true, given, env.apply(PASSWORD_ENV));
        }
        if (lower.startsWith("jdbc:") && !lower.startsWith(SQLITE)) {
            throw new IllegalArgumentException("the corrections database is an SQLite file or a jdbc:postgresql: URL, got "
                    + given.substring(0, given.indexOf(':', 5) + 1) + "...");
        }
        return new StoreLocation(false, lower.startsWith(SQLITE) ? given.substring(SQLITE.length()) : given, null);
    }

    /** @return as {@link #parse(String, Function)} with a map for the environment */
    public static StoreLocation parse(String raw, Map<String, String> env) {
        return parse(raw, env::get);
    }

    /** @return the SQLite file; only for an SQLite location */
    public Path file() {
        return Path.of(target);
    }

    /** Names the database, never the password. */
    @Override
    public String toString() {
        return postgres ? target : "sqlite:" + target;
    }
}
