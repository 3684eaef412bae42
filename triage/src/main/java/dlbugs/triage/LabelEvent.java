package dlbugs.triage;

import java.time.Instant;

/**
 * A label put on or taken off an issue, as the events list it.
 *
 * @param added true for {@code labeled}, false for {@code unlabeled}
 * @param label the label's name
 * @param actor the login that did it
 * @param bot   true if GitHub says the actor is a bot (an App, a workflow's token)
 * @param at    when
 */
public record LabelEvent(boolean added, String label, String actor, boolean bot, Instant at) {
}
