package dlbugs.serve;

import dlbugs.triage.Issue;
import dlbugs.corrections.GitHubCorrections;
import dlbugs.model.api.RequestException;
import dlbugs.triage.IssueTriage;
import dlbugs.triage.LabelDecision;
import dlbugs.triage.PlanFormat;
import dlbugs.triage.RepoName;
import dlbugs.triage.TriagePlan;
import dlbugs.triage.TriageRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The webhook's background work: a bounded queue of issues and one worker thread that triages
 * them in turn ({@link IssueTriage}: classify, plan, apply or log), or records what people decided
 * about their labels ({@link GitHubCorrections}), so a delivery is answered at once and GitHub's
 * calls never run on an HTTP thread. One worker keeps the calls to GitHub
 * serial, as GitHub asks of an integration to stay clear of its secondary rate limits.
 */
final class WebhookQueue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookQueue.class);

    /**
     * An issue to triage, or whose label changes to read, and the delivery it came with.
     *
     * @param labels false to triage the issue, true to record what people decided about its labels
     */
    record Job(String delivery, RepoName repo, Issue issue, boolean labels) {
        Job(String delivery, RepoName repo, Issue issue) {
            this(delivery, repo, issue, false);
        }
    }

    private final BlockingQueue<Job> waiting;
    private final IssueTriage triage;
    private final Consumer<String> outcomes;
    private final GitHubCorrections corrections;
    private final Thread worker;
    private volatile boolean closed;

    /**
     * @param outcomes    told each triage's outcome: {@code applied}, {@code dry_run} or {@code failed}
     * @param corrections where people's label decisions are recorded
     */
    WebhookQueue(IssueTriage triage, int capacity, Consumer<String> outcomes, GitHubCorrections corrections) {
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.triage = triage;
        this.outcomes = outcomes;
        this.corrections = corrections;
        this.worker = new Thread(this::work, "dlbugs-github-webhook");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return false if the queue is full or closed */
    boolean offer(Job job) {
        return !closed && waiting.offer(job);
    }

    /** @return issues waiting */
    int depth() {
        return waiting.size();
    }

    private void work() {
        while (!closed || !waiting.isEmpty()) {
            Job job;
            try {
                job = waiting.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job != null) {
                run(job);
            }
        }
    }

    private void run(Job job) {
        if (job.labels()) {
            learn(job);
            return;
        }
        try {
            TriagePlan plan = triage.triage(job.repo(), job.issue());
            boolean applied = triage.applies() && plan.changesSomething();
            LOG.info("github webhook {}: {}{}", job.delivery(), triage.applies() ? "" : "dry run (start with --github-apply to apply): ",
                    PlanFormat.json(plan, applied));
            outcomes.accept(triage.applies() ? "applied" : "dry_run");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.accept("failed");
        } catch (Exception e) {
            // GitHub's messages name the call and never the token; the issue waits for the next event or a CLI run.
            LOG.warn("github webhook {}: {}#{} not triaged: {}", job.delivery(), job.repo(), job.issue().number(),
                    e.getMessage());
            outcomes.accept("failed");
        }
    }

    /** Records what people decided about an issue's labels; a failure waits for the issue's next label event. */
    private void learn(Job job) {
        try {
            for (LabelDecision d : triage.decisions(job.repo(), job.issue())) {
                try {
                    corrections.record(TriageRun.report(d.issue()), d.head(), d.label(), d.replaced(), d.login());
                } catch (RequestException e) {
                    LOG.warn("github webhook {}: {}#{}: {}'s label is no correction: {}", job.delivery(), job.repo(),
                            job.issue().number(), d.login(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("github webhook {}: {}#{}: people's labels not read: {}", job.delivery(), job.repo(),
                    job.issue().number(), e.getMessage());
        }
    }

    /** Takes no more work, finishes what waits (up to 10 s). */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
