package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.gitops.DeliveryResult.Outcome;
import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries that fail or are cancelled, against a local bare repository. */
class GitOpsDeliveryFailuresTest {

    private static final Map<String, String> SEED = Map.of(
            "README.md", "# GitOps\n",
            "policies/hub/existing.yaml", "kind: ClusterPolicy\nmetadata:\n  name: existing\n");

    @TempDir
    Path tmp;

    private Path remote;
    private Path work;
    private GitOpsDelivery delivery;
    private final List<String> status = new CopyOnWriteArrayList<>();

    @BeforeEach
    void seed() throws Exception {
        remote = TestRemotes.seed(tmp.resolve("remote.git"), SEED);
        work = Files.createDirectories(tmp.resolve("work"));
        delivery = new GitOpsDelivery(work, Duration.ofSeconds(10));
    }

    @AfterEach
    void temporaryClonesAreGone() throws Exception {
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("temporary clones left behind").isEmpty();
        }
    }

    private GitOpsTarget target(String branch) {
        return new GitOpsTarget(
                remote.toString(), "main", branch, "policies/hub", "BACK Stack panel", "panel@example.org");
    }

    private DeliveryResult deliver(GitOpsTarget t, Map<String, String> files) throws GitOpsException {
        return delivery.deliver(t, files, "Add hub policies", GitCredentials.none(), status::add);
    }

    @Test
    @DisplayName("a missing base branch fails with BASE_BRANCH_MISSING, naming the branches there")
    void baseBranchMissing() throws Exception {
        GitOpsTarget t = new GitOpsTarget(remote.toString(), "develop", "backstack/x", "p", "Panel", "");
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        assertThatThrownBy(() -> deliver(t, Map.of("a.yaml", "a: 1\n")))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BASE_BRANCH_MISSING);
                    assertThat(e.getMessage()).contains("develop").contains("branches there: main");
                });
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("a path with no repository is REMOTE_UNREACHABLE")
    void noRepositoryAtPath() {
        GitOpsTarget t = new GitOpsTarget(tmp.resolve("nothing-here.git").toString(), "main", "b", "", "Panel", "");

        assertThatThrownBy(() -> deliver(t, Map.of("a.yaml", "a: 1\n")))
                .isInstanceOfSatisfying(
                        GitOpsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REMOTE_UNREACHABLE));
    }

    @Test
    @DisplayName("a closed port is REMOTE_UNREACHABLE within a few seconds, and the message names the remote")
    void closedPort() {
        GitOpsTarget t = new GitOpsTarget("http://127.0.0.1:1/x.git", "main", "b", "", "Panel", "");
        long start = System.nanoTime();

        assertThatThrownBy(() -> deliver(t, Map.of("a.yaml", "a: 1\n")))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.REMOTE_UNREACHABLE);
                    assertThat(e.getMessage())
                            .contains("http://127.0.0.1:1/x.git")
                            .contains("Check the URL");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a cancel during the fetch stops the delivery with CANCELLED before anything is pushed")
    void cancelFlag() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressListener listener = ProgressListener.of(
                line -> {
                    if (line.startsWith("fetching")) {
                        cancel.set(true);
                    }
                },
                cancel::get);
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        assertThatThrownBy(() -> delivery.deliver(
                        target("backstack/cancel"), Map.of("a.yaml", "a: 1\n"), "m", GitCredentials.none(), listener))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
                    assertThat(e.getMessage()).contains("nothing was pushed");
                });
        assertThat(cancel).isTrue();
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("a cancel once the push started lets that small push finish: the branch holds the complete commit")
    void cancelWhilePushing() throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        ProgressListener listener = ProgressListener.of(
                line -> {
                    if (line.startsWith("pushing")) {
                        cancel.set(true);
                    }
                },
                cancel::get);
        long start = System.nanoTime();

        DeliveryResult r = delivery.deliver(
                target("backstack/cancel-push"), Map.of("a.yaml", "a: 1\n"), "m", GitCredentials.none(), listener);

        assertThat(cancel).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(r.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(r.commitId())
                .isEqualTo(TestRemotes.head(remote, "backstack/cancel-push").name());
        assertThat(TestRemotes.read(remote, "backstack/cancel-push", "policies/hub/a.yaml"))
                .isEqualTo("a: 1\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("an interrupted thread stops the delivery with CANCELLED and keeps its interrupt flag")
    void interrupt() throws Exception {
        Map<String, ObjectId> before = TestRemotes.refs(remote);
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> deliver(target("backstack/interrupted"), Map.of("a.yaml", "a: 1\n")))
                    .isInstanceOfSatisfying(
                            GitOpsException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("bad file names and an empty commit message fail before anything is fetched")
    void badInput() {
        assertThatThrownBy(() -> deliver(target("b"), Map.of("../escape.yaml", "x")))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OTHER);
                    assertThat(e.getMessage()).contains("../escape.yaml");
                });
        assertThatThrownBy(() -> deliver(target("b"), Map.of()))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("at least one file");
        assertThatThrownBy(() -> delivery.deliver(target("b"), Map.of("a", "b"), " ", null, null))
                .isInstanceOf(GitOpsException.class)
                .hasMessageContaining("no message");
    }
}
