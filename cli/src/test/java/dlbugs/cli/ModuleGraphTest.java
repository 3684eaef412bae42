package dlbugs.cli;

import dlbugs.model.testing.DocPages;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md's module list is the poms' graph: each module's compile dependencies on
 * other dlbugs modules, less those reached through another (the transitive reduction).
 */
class ModuleGraphTest {

    private static final Pattern MODULE = Pattern.compile("<module>([a-z]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency><groupId>dlbugs</groupId><artifactId>dlbugs-([a-z]+)</artifactId>(.*)");
    private static final Pattern DOC_LINE = Pattern.compile("([a-z]+)\\s*(?:->\\s*(.+))?");

    @Test
    void the_architecture_page_lists_the_poms_module_graph() {
        assertThat(documented()).isEqualTo(reduce(fromPoms()));
    }

    @Test
    void cli_is_on_top_and_serve_beside_it() {
        Map<String, Set<String>> graph = fromPoms();
        graph.forEach((module, deps) -> assertThat(deps).as(module).doesNotContain("cli"));
        assertThat(reachable(graph, "serve")).doesNotContain("cli", "label", "train", "datasets");
        assertThat(reachable(graph, "cli")).containsAll(graph.keySet().stream().filter(m -> !m.matches("cli|serve")).toList());
        assertThat(reachable(graph, "train")).doesNotContain("cli", "label", "triage", "datasets");
    }

    static Map<String, Set<String>> fromPoms() {
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher modules = MODULE.matcher(DocPages.read("pom.xml"));
        while (modules.find()) {
            String module = modules.group(1);
            Set<String> deps = new TreeSet<>();
            for (String line : DocPages.read(module + "/pom.xml").split("\n")) {
                Matcher m = DEPENDENCY.matcher(line.strip());
                if (m.matches() && !m.group(2).contains("<type>test-jar</type>") && !m.group(2).contains("<scope>test</scope>")) {
                    deps.add(m.group(1));
                }
            }
            graph.put(module, deps);
        }
        return graph;
    }

    static Map<String, Set<String>> reduce(Map<String, Set<String>> graph) {
        Map<String, Set<String>> reduced = new TreeMap<>();
        graph.forEach((module, deps) -> {
            Set<String> direct = new TreeSet<>(deps);
            for (String via : deps) {
                Set<String> below = reachable(graph, via);
                below.remove(via);
                direct.removeAll(below);
            }
            reduced.put(module, direct);
        });
        return reduced;
    }

    static Set<String> reachable(Map<String, Set<String>> graph, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String m = todo.pop();
            if (seen.add(m)) {
                todo.addAll(graph.getOrDefault(m, Set.of()));
            }
        }
        return seen;
    }

    private static Map<String, Set<String>> documented() {
        String page = DocPages.read("docs/architecture.md");
        String block = page.substring(page.indexOf("## Modules")).split("```")[1].strip();
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : block.split("\n")) {
            Matcher m = DOC_LINE.matcher(line.strip());
            assertThat(m.matches()).as("a module line: %s", line).isTrue();
            Set<String> deps = new TreeSet<>();
            if (m.group(2) != null) {
                deps.addAll(List.of(m.group(2).split(",\\s*")));
            }
            graph.put(m.group(1), deps);
        }
        return graph;
    }
}
