package dlbugs.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's documentation as tests read it: the README and the pages of {@code docs/}, their
 * fenced code blocks, and in them the synopses of a command ({@code bin/dlbugs NAME [...]} with its
 * indented continuation lines).
 */
public final class DocPages {

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z0-9][a-z0-9-]*");

    private DocPages() {
    }

    /** @return the checkout's root (the surefire property {@code dlbugs.root}) */
    public static Path root() {
        return Path.of(System.getProperty("dlbugs.root", ".."));
    }

    /** @return the text of a file named from the root, e.g. {@code docs/api.md} */
    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return README.md and every page of docs/, by their path from the root */
    public static Map<String, String> all() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("README.md", read("README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted()
                    .forEach(p -> pages.put("docs/" + p.getFileName(), read("docs/" + p.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** @return the lines inside the page's fenced code blocks */
    public static List<String> codeLines(String page) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : page.split("\n", -1)) {
            if (line.startsWith("```")) {
                inside = !inside;
            } else if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The synopses of one command in a page: each code line that runs {@code bin/dlbugs COMMAND}
     * (after any environment assignments), with the indented lines that continue it, from the
     * command's name on and without a trailing {@code # comment}.
     *
     * @param command the command's name as typed, e.g. {@code label-repo} or {@code datasets fetch}
     */
    public static List<String> synopses(String page, String command) {
        Pattern start = Pattern.compile("bin/dlbugs " + Pattern.quote(command) + "(?=\\s|$)(.*)");
        List<String> found = new ArrayList<>();
        List<String> lines = codeLines(page);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = start.matcher(lines.get(i));
            if (!m.find()) {
                continue;
            }
            StringBuilder synopsis = new StringBuilder(withoutComment(m.group(1)));
            while (i + 1 < lines.size() && lines.get(i + 1).matches("\\s+\\[.*")) {
                synopsis.append(' ').append(withoutComment(lines.get(++i)).strip());
            }
            found.add(synopsis.toString().strip());
        }
        return found;
    }

    /** @return every {@code --option} named in the text */
    public static Set<String> options(String text) {
        Set<String> names = new TreeSet<>();
        OPTION.matcher(text).results().forEach(r -> names.add(r.group()));
        return names;
    }

    private static String withoutComment(String line) {
        int hash = line.indexOf("  #");
        return hash < 0 ? line : line.substring(0, hash);
    }
}
