package dlbugs.corrections;

import dlbugs.corrections.testing.Backend;
import dlbugs.corrections.testing.Corrections;
import dlbugs.model.api.CorrectionRequest;
import dlbugs.model.corpus.BugReport;
import dlbugs.model.corpus.CorrectedLabel;
import dlbugs.model.corpus.ReportDigest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store's contract, on SQLite and on a real PostgreSQL. */
class CorrectionStoreTest {

    @TempDir
    Path dir;

    private CorrectionStore open(Backend backend) {
        return CorrectionStores.open(backend.fresh(dir), 2_000);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void records_a_correction_and_reads_back_every_field(Backend backend) {
        try (CorrectionStore store = open(backend)) {
            BugReport report = new BugReport("Shape error", "expected (784,) got (28, 28)", "- a\n+ b", "PyTorch");
            CorrectionRequest request = new CorrectionRequest(report, "stage", "Data Preparation", "2026.12.01-abc",
                    "Training", "ada", "the reshape is in the loader");
            Instant before = Instant.now().minusSeconds(1);
            Recorded r = store.record(NewCorrection.of(request, Origin.PAGE));

            Correction c = store.get(r.id()).orElseThrow();
            assertThat(r.created()).isTrue();
            assertThat(c.report()).isEqualTo(report);
            assertThat(c.report().library()).isEqualTo("torch");
            assertThat(c.digest()).isEqualTo(ReportDigest.of(report)).hasSize(64);
            assertThat(List.of(c.modelVersion(), c.answer(), c.head(), c.label(), c.author(), c.note()))
                    .containsExactly("2026.12.01-abc", "Training", "stage", "Data Preparation", "ada",
                            "the reshape is in the loader");
            assertThat(c.origin()).isEqualTo(Origin.PAGE);
            assertThat(c.status()).isEqualTo(Status.NEW);
            assertThat(c.reviewedBy()).isNull();
            assertThat(c.reviewedAt()).isNull();
            assertThat(c.createdAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
            assertThat(store.get(r.id() + 1000)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void the_same_report_head_label_and_author_is_one_correction(Backend backend) {
        try (CorrectionStore store = open(backend)) {
            Recorded first = store.record(Corrections.of(1, "Hang", "ada"));
            Recorded again = store.record(Corrections.of(1, "Hang", "ada"));
            Recorded otherAuthor = store.record(Corrections.of(1, "Hang", "bob"));
            Recorded otherLabel = store.record(Corrections.of(1, "Crash", "ada"));
            Recorded otherReport = store.record(Corrections.of(2, "Hang", "ada"));

            assertThat(again).isEqualTo(new Recorded(first.id(), false));
            assertThat(List.of(otherAuthor, otherLabel, otherReport)).allMatch(Recorded::created)
                    .extracting(Recorded::id).doesNotContain(first.id()).doesNotHaveDuplicates();
            assertThat(store.list(CorrectionQuery.all(null))).hasSize(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void lists_by_status_head_and_time_a_page_at_a_time(Backend backend) {
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        MutableClock clock = new MutableClock(t0);
        try (CorrectionStore store = CorrectionStores.open(backend.fresh(dir), 2_000, true, clock)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                clock.now = t0.plusSeconds(60L * i);
                ids.add(store.record(NewCorrection.of(Corrections.request(i, i % 2 == 0 ? "effect" : "stage",
                        i % 2 == 0 ? "Hang" : "Training", "ada"), Origin.API)).id());
            }
            store.review(ids.get(2), Status.ACCEPTED, "lead");
            store.review(ids.get(3), Status.REJECTED, "lead");

            assertThat(store.list(new CorrectionQuery(null, "effect", null, 0, 100))).extracting(Correction::id)
                    .containsExactly(ids.get(0), ids.get(2), ids.get(4), ids.get(6));
            assertThat(store.list(new CorrectionQuery(Status.NEW, "stage", null, 0, 100))).extracting(Correction::id)
                    .containsExactly(ids.get(1), ids.get(5));
            assertThat(store.list(new CorrectionQuery(null, null, t0.plusSeconds(240), 0, 100))).extracting(Correction::id)
                    .containsExactly(ids.get(4), ids.get(5), ids.get(6));
            List<Correction> page = store.list(new CorrectionQuery(null, null, null, 0, 3));
            assertThat(page).extracting(Correction::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(store.list(new CorrectionQuery(null, null, null, 0, 3).after(page.get(2).id())))
                    .extracting(Correction::id).containsExactlyElementsOf(ids.subList(3, 6));
            assertThat(store.every(new CorrectionQuery(null, null, null, 0, 2))).extracting(Correction::id)
                    .containsExactlyElementsOf(ids);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_review_accepts_or_rejects_naming_the_reviewer_and_training_reads_only_the_accepted(Backend backend) {
        try (CorrectionStore store = open(backend)) {
            long a = store.record(Corrections.of(1, "Hang", "ada")).id();
            long b = store.record(Corrections.of(2, "Crash", "ada")).id();
            long c = store.record(NewCorrection.accepted(Corrections.request(3, "stage", "Training", "octocat"),
                    Origin.GITHUB, "octocat")).id();

            Correction accepted = store.review(a, Status.ACCEPTED, " lead ");
            store.review(b, Status.ACCEPTED, "lead");
            Correction rejected = store.review(b, Status.REJECTED, "second look");

            assertThat(accepted.status()).isEqualTo(Status.ACCEPTED);
            assertThat(accepted.reviewedBy()).isEqualTo("lead");
            assertThat(accepted.reviewedAt()).isNotNull();
            assertThat(rejected.status()).isEqualTo(Status.REJECTED);
            assertThat(rejected.reviewedBy()).isEqualTo("second look");
            assertThat(store.get(c).orElseThrow().reviewedBy()).isEqualTo("octocat");
            assertThat(AcceptedCorrections.of(store)).extracting(CorrectedLabel::id).containsExactly(a, c);
            assertThat(AcceptedCorrections.of(store).get(1).label()).isEqualTo("Training");
            assertThatThrownBy(() -> store.review(9_999, Status.ACCEPTED, "lead"))
                    .isInstanceOf(NoSuchCorrectionException.class).hasMessage("no correction has id 9999");
            assertThatThrownBy(() -> store.review(a, Status.NEW, "lead")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sixteen_writers_at_once_lose_nothing_and_repeats_stay_single(Backend backend) throws Exception {
        try (CorrectionStore store = open(backend)) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        // every thread also repeats one shared correction: it must stay one row
                        ids.add(store.record(Corrections.of(thread * 1000 + i, "Hang", "writer")).id());
                        store.record(Corrections.of(-1, "Hang", "everyone"));
                    }
                    return ids;
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> f : done) {
                ids.addAll(f.get());
            }
            pool.shutdown();
            assertThat(ids).hasSize(640).doesNotHaveDuplicates();
            assertThat(store.every(CorrectionQuery.all(null))).hasSize(641);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void a_store_opened_again_has_everything_and_migrates_nothing_twice(Backend backend) {
        StoreLocation location = backend.fresh(dir);
        long id;
        try (CorrectionStore store = CorrectionStores.open(location, 2_000)) {
            id = store.record(Corrections.of(1, "Hang", "ada")).id();
        }
        try (CorrectionStore store = CorrectionStores.open(location, 2_000)) {
            assertThat(store.get(id)).isPresent();
            assertThat(store.record(Corrections.of(1, "Hang", "ada"))).isEqualTo(new Recorded(id, false));
            assertThat(store.record(Corrections.of(2, "Hang", "ada")).id()).isGreaterThan(id);
        }
    }

    /** A clock a test moves by hand. */
    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
