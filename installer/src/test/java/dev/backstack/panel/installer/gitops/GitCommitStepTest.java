package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.apply.ServerSideApplier;
import dev.backstack.panel.installer.plan.DryRunResult;
import dev.backstack.panel.installer.plan.GitCommitStep;
import dev.backstack.panel.installer.plan.Journal;
import dev.backstack.panel.installer.plan.JournalRecord;
import dev.backstack.panel.installer.plan.Plan;
import dev.backstack.panel.installer.plan.PlanRunner;
import dev.backstack.panel.installer.plan.StepContext;
import dev.backstack.panel.installer.plan.StepFailure;
import dev.backstack.panel.installer.plan.Waiter;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.plan.ObjectPreview;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.StepKind;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCommitStepTest {

    private static final String POLICY =
            "apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata:\n  name: require-labels\n";
    private static final String SECRET =
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: repo\nstringData:\n" + "  password: hunter2-TEST\n";

    @TempDir
    Path tmp;

    private Path remote;
    private KubernetesClient unused;
    private final List<String> status = new CopyOnWriteArrayList<>();
    private final List<PlanEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        remote = TestRemotes.seed(tmp.resolve("remote.git"), Map.of("README.md", "hi\n"));
        Config c = Config.empty();
        c.setMasterUrl("https://127.0.0.1:1");
        unused = new KubernetesClientBuilder().withConfig(c).build();
    }

    @AfterEach
    void close() {
        unused.close();
    }

    private GitCommitStep step(String base, Map<String, String> files) {
        return GitCommitStep.builder("gitops", "Commit the hub policies")
                .delivery(new GitOpsDelivery(tmp, Duration.ofSeconds(10)))
                .target(new GitOpsTarget(remote.toString(), base, "backstack/policies", "policies/hub", "Panel", ""))
                .files(files)
                .commitMessage("Add hub policies")
                .build();
    }

    private StepContext context() {
        return new StepContext(
                unused,
                KindRegistry.standard(),
                new ServerSideApplier(unused),
                new Waiter(unused),
                null,
                null,
                status::add,
                false);
    }

    private PlanOutcome run(GitCommitStep step) {
        return new PlanRunner(context(), new MemoryJournal(), Clock.systemUTC())
                .run(new Plan("gitops", "GitOps", List.of(step)), List.of(), events::add);
    }

    @Test
    @DisplayName("previews each file at its repository path as committed, a Secret's values redacted")
    void preview() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("require-labels.yaml", POLICY);
        files.put("repo-secret.yaml", SECRET);
        GitCommitStep step = step("main", files);

        assertThat(step.info().kind()).isEqualTo(StepKind.GIT_COMMIT);
        assertThat(step.permissions()).isEmpty();
        assertThat(step.preview().objects())
                .extracting(ObjectPreview::title)
                .containsExactly("File policies/hub/require-labels.yaml", "File policies/hub/repo-secret.yaml");
        assertThat(step.preview().objects().get(0).yaml()).isEqualTo(POLICY);
        assertThat(step.preview().objects().get(1).yaml())
                .doesNotContain("hunter2-TEST")
                .contains("<redacted>");
        assertThat(step.info().description()).contains("backstack/policies").contains(remote.toString());
    }

    @Test
    @DisplayName("the fingerprint is stable for the same files and changes with any byte of them")
    void fingerprint() {
        assertThat(step("main", Map.of("a.yaml", POLICY)).fingerprint())
                .isEqualTo(step("main", Map.of("a.yaml", POLICY)).fingerprint())
                .isNotEqualTo(step("main", Map.of("a.yaml", POLICY + " ")).fingerprint())
                .isNotEqualTo(step("main", Map.of("b.yaml", POLICY)).fingerprint());
    }

    @Test
    @DisplayName("not satisfied before, delivered by the plan runner, then satisfied: a re-run writes nothing")
    void appliesThroughThePlanRunner() throws Exception {
        GitCommitStep step = step("main", Map.of("require-labels.yaml", POLICY));
        assertThat(step.satisfied(context(), null)).isFalse();
        assertThat(step.result()).isEmpty();

        assertThat(run(step)).isEqualTo(PlanOutcome.SUCCEEDED);

        DeliveryResult r = step.result().orElseThrow();
        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.PUSHED);
        assertThat(r.commitId())
                .isEqualTo(TestRemotes.head(remote, "backstack/policies").name());
        assertThat(TestRemotes.read(remote, "backstack/policies", "policies/hub/require-labels.yaml"))
                .isEqualTo(POLICY.getBytes(StandardCharsets.UTF_8));
        assertThat(events)
                .filteredOn(PlanEvent.StepStatus.class::isInstance)
                .map(e -> ((PlanEvent.StepStatus) e).message())
                .anyMatch(m -> m.startsWith("Committed 1 file as"));

        GitCommitStep again = step("main", Map.of("require-labels.yaml", POLICY));
        assertThat(again.satisfied(context(), null)).isTrue();
        assertThat(run(again)).isEqualTo(PlanOutcome.UNCHANGED);
        assertThat(again.result()).map(DeliveryResult::outcome).contains(DeliveryResult.Outcome.ALREADY_DELIVERED);
        assertThat(again.result()).map(DeliveryResult::commitId).contains(r.commitId());
    }

    @Test
    @DisplayName("a failed delivery is a step failure with the problem and the next step")
    void failureBecomesStepFailure() throws Exception {
        GitCommitStep step = step("develop", Map.of("a.yaml", POLICY));

        assertThatThrownBy(() -> step.apply(context())).isInstanceOfSatisfying(StepFailure.class, f -> {
            assertThat(f.getMessage()).contains("base branch develop does not exist");
            assertThat(f.hint()).contains("Choose an existing base branch");
        });
        assertThat(run(step)).isEqualTo(PlanOutcome.FAILED);
        assertThat(events).filteredOn(PlanEvent.StepFailed.class::isInstance).hasSize(1);
        assertThat(step.result()).isEmpty();
    }

    @Test
    @DisplayName("the dry run says what would be committed, and refuses when the branch holds other files")
    void dryRun() throws Exception {
        List<DryRunResult> before = step("main", Map.of("a.yaml", POLICY)).dryRun(context());
        assertThat(before).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo(DryRunResult.Verdict.ACCEPTED);
            assertThat(d.message()).contains("1 files to add").contains("does not exist yet");
        });
        assertThat(TestRemotes.head(remote, "backstack/policies"))
                .as("a dry run pushes nothing")
                .isNull();

        step("main", Map.of("a.yaml", POLICY)).apply(context());
        List<DryRunResult> diverged =
                step("main", Map.of("a.yaml", "other: true\n")).dryRun(context());
        assertThat(diverged).singleElement().satisfies(d -> {
            assertThat(d.verdict()).isEqualTo(DryRunResult.Verdict.REFUSED);
            assertThat(d.message()).contains("already exists with other content");
        });
    }

    @Test
    @DisplayName("an interrupted apply is the engine's cancel: InterruptedException, nothing pushed")
    void cancel() throws Exception {
        GitCommitStep step = step("main", Map.of("a.yaml", POLICY));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> step.apply(context())).isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(TestRemotes.head(remote, "backstack/policies")).isNull();
    }

    /** A journal in memory. */
    private static final class MemoryJournal implements Journal {
        private volatile JournalRecord record;

        @Override
        public Optional<JournalRecord> load() {
            return Optional.ofNullable(record);
        }

        @Override
        public void save(JournalRecord r) {
            record = r;
        }
    }
}
