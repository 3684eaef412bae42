package dlbugs.triage;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what people decided from an issue's label events. dlbugs' own events are those of its
 * login ({@code --github-bot-login}, or whoever added a label the journal says dlbugs added) and a
 * bot's events with a head's label or the triage label. Once dlbugs has labelled the issue, a head's
 * label that a person (never a bot) puts on it and that is still there is a decision; a label a
 * person set before dlbugs came, or took off again, is not, and neither is a removal alone (it says
 * dlbugs was wrong, not what is right).
 */
public final class PersonLabels {

    private final LabelScheme scheme;
    private final String botLogin;

    /** @param botLogin the login dlbugs' token acts as; null if unknown */
    public PersonLabels(LabelScheme scheme, String botLogin) {
        this.scheme = scheme;
        this.botLogin = botLogin;
    }

    /**
     * @param issue     the issue
     * @param events    its label events, oldest first
     * @param byDlbugs  the labels dlbugs' journal says it added to the issue
     * @return the people's decisions, one per head and person at most
     */
    public List<LabelDecision> decisions(Issue issue, List<LabelEvent> events, Set<String> byDlbugs) {
        Set<String> dlbugs = new HashSet<>();
        if (botLogin != null) {
            dlbugs.add(botLogin);
        }
        events.stream().filter(e -> e.added() && byDlbugs.contains(e.label())).forEach(e -> dlbugs.add(e.actor()));
        boolean triaged = false;
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> people = new LinkedHashMap<>();
        for (LabelEvent e : events) {
            boolean ours = dlbugs.contains(e.actor()) || e.bot() && (owned(e.label()) || e.label().equals(scheme.triageLabel()));
            if (!e.added()) {
                people.remove(e.label());
            } else if (ours) {
                triaged |= owned(e.label()) || e.label().equals(scheme.triageLabel());
                scheme.owner(e.label()).ifPresent(h -> answers.put(h.head(), e.label().substring(h.prefix().length())));
                people.remove(e.label());
            } else if (triaged && !e.bot() && owned(e.label())) {
                people.put(e.label(), e.actor());
            }
        }
        Map<String, LabelDecision> out = new LinkedHashMap<>();
        people.forEach((label, login) -> {
            HeadLabels head = scheme.owner(label).orElseThrow();
            String answer = label.substring(head.prefix().length()).strip();
            if (!answer.equals(answers.get(head.head()))) {
                out.put(head.head() + "|" + login, new LabelDecision(issue, head.head(), answer, answers.get(head.head()), login));
            }
        });
        return List.copyOf(out.values());
    }

    private boolean owned(String label) {
        return scheme.owner(label).isPresent();
    }
}
