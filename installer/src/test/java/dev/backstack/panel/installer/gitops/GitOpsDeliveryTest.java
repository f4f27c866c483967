package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.gitops.DeliveryPreview.BranchState;
import dev.backstack.panel.installer.gitops.DeliveryPreview.Change;
import dev.backstack.panel.installer.gitops.DeliveryPreview.FileChange;
import dev.backstack.panel.installer.gitops.DeliveryResult.Outcome;
import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitOpsDeliveryTest {

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
    @DisplayName("commits the given files byte for byte in the folder on a new branch; the base branch is untouched")
    void commitsExactBytesOnNewBranch() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("require-labels.yaml", "kind: ClusterPolicy\r\nmetadata:\r\n  name: require-labels\r\n");
        files.put("nested/ünïcode.yaml", "description: \"Grüße — ✓\"\n  trailing spaces   \n");
        files.put("no-newline.yaml", "a: 1");
        ObjectId mainBefore = TestRemotes.head(remote, "main");

        DeliveryResult r = deliver(target("backstack/hub-policies"), files);

        assertThat(r.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(r.pushed()).isTrue();
        assertThat(r.commitId())
                .isEqualTo(TestRemotes.head(remote, "backstack/hub-policies").name());
        for (Map.Entry<String, String> e : files.entrySet()) {
            assertThat(TestRemotes.read(remote, "backstack/hub-policies", "policies/hub/" + e.getKey()))
                    .as(e.getKey())
                    .isEqualTo(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        assertThat(TestRemotes.read(remote, "backstack/hub-policies", "policies/hub/existing.yaml"))
                .as("files of the base branch stay")
                .isNotNull();
        assertThat(TestRemotes.read(remote, "backstack/hub-policies", "require-labels.yaml"))
                .isNull();
        assertThat(TestRemotes.head(remote, "main")).isEqualTo(mainBefore);
        RevCommit commit = TestRemotes.commit(remote, "backstack/hub-policies");
        assertThat(commit.getParents()).extracting(p -> p.getId().copy()).containsExactly(mainBefore);
        assertThat(commit.getFullMessage()).isEqualTo("Add hub policies\n");
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("BACK Stack panel");
        assertThat(r.filesWritten())
                .containsExactly(
                        "policies/hub/require-labels.yaml",
                        "policies/hub/nested/ünïcode.yaml",
                        "policies/hub/no-newline.yaml");
        assertThat(r.pullRequestUrl()).as("not a GitHub remote").isEmpty();
        assertThat(status).anyMatch(s -> s.startsWith("pushing branch backstack/hub-policies"));
    }

    @Test
    @DisplayName("delivers on a base branch with history, fetching only its head, and again after the base moved on")
    void baseWithHistory() throws Exception {
        for (int i = 1; i <= 3; i++) {
            TestRemotes.commit(remote, "main", Map.of("README.md", "version " + i + "\n"), "Change " + i);
        }
        ObjectId mainHead = TestRemotes.head(remote, "main");

        DeliveryResult first = deliver(target("backstack/history"), Map.of("a.yaml", "a: 1\n"));
        assertThat(TestRemotes.commit(remote, "backstack/history").getParents())
                .extracting(p -> p.getId().copy())
                .containsExactly(mainHead);

        TestRemotes.commit(remote, "main", Map.of("README.md", "version 4\n"), "Change 4");
        DeliveryResult again = deliver(target("backstack/history"), Map.of("a.yaml", "a: 1\n"));
        DeliveryResult other = deliver(target("backstack/history-2"), Map.of("a.yaml", "a: 2\n"));

        assertThat(first.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_DELIVERED);
        assertThat(other.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(TestRemotes.commit(remote, "backstack/history-2").getParents())
                .extracting(p -> p.getId().copy())
                .containsExactly(TestRemotes.head(remote, "main"));
        assertThat(TestRemotes.read(remote, "backstack/history-2", "README.md"))
                .isEqualTo("version 4\n".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("pushes nothing and says so when the base branch already holds exactly these files")
    void nothingToChange() throws Exception {
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        DeliveryResult r =
                deliver(target("backstack/same"), Map.of("existing.yaml", SEED.get("policies/hub/existing.yaml")));

        assertThat(r.outcome()).isEqualTo(Outcome.NOTHING_TO_CHANGE);
        assertThat(r.pushed()).isFalse();
        assertThat(r.filesWritten()).isEmpty();
        assertThat(r.commitId()).isEqualTo(TestRemotes.head(remote, "main").name());
        assertThat(r.summary()).contains("Nothing to change").contains("nothing was pushed");
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("previews each file as added, changed or unchanged, and the branch as absent, then delivered")
    void previewsChanges() throws Exception {
        GitOpsTarget t = new GitOpsTarget(remote.toString(), "main", "backstack/preview", "", "Panel", "");
        Map<String, String> files = Map.of(
                "policies/hub/existing.yaml",
                SEED.get("policies/hub/existing.yaml"),
                "README.md",
                "changed\n",
                "new.yaml",
                "kind: New\n");

        DeliveryPreview p = delivery.preview(t, files, GitCredentials.none());

        assertThat(p.files())
                .containsExactlyInAnyOrder(
                        new FileChange("policies/hub/existing.yaml", Change.UNCHANGED),
                        new FileChange("README.md", Change.CHANGED),
                        new FileChange("new.yaml", Change.ADDED));
        assertThat(p.branch()).isEqualTo(BranchState.ABSENT);
        assertThat(p.nothingToChange()).isFalse();
        assertThat(p.baseCommit()).isEqualTo(TestRemotes.head(remote, "main").name());
        assertThat(TestRemotes.head(remote, "backstack/preview"))
                .as("a preview pushes nothing")
                .isNull();

        deliver(t, files);
        DeliveryPreview after = delivery.preview(t, files, GitCredentials.none());
        assertThat(after.branch()).isEqualTo(BranchState.HOLDS_THESE_FILES);
        assertThat(after.branchCommit())
                .isEqualTo(TestRemotes.head(remote, "backstack/preview").name());
    }

    @Test
    @DisplayName("re-delivering the same files to the branch is idempotent: already delivered, nothing pushed")
    void redeliveryIsIdempotent() throws Exception {
        Map<String, String> files = Map.of("a.yaml", "a: 1\n");
        DeliveryResult first = deliver(target("backstack/again"), files);
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        DeliveryResult second = deliver(target("backstack/again"), files);

        assertThat(first.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_DELIVERED);
        assertThat(second.commitId()).isEqualTo(first.commitId());
        assertThat(second.filesWritten()).containsExactly("policies/hub/a.yaml");
        assertThat(second.summary()).contains("Already delivered");
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("refuses other files on an existing branch (BRANCH_EXISTS_DIVERGED) and leaves the remote as it was")
    void divergedBranch() throws Exception {
        deliver(target("backstack/taken"), Map.of("a.yaml", "a: 1\n"));
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        assertThatThrownBy(() -> deliver(target("backstack/taken"), Map.of("a.yaml", "a: 2\n")))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BRANCH_EXISTS_DIVERGED);
                    assertThat(e.getMessage())
                            .contains("backstack/taken")
                            .contains(remote.toString())
                            .contains("nothing was pushed")
                            .contains("never force-pushes");
                });
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName(
            "a file where the folder should be is replaced by the folder, and a folder where a file goes by the file")
    void fileAndFolderSwapPlaces() throws Exception {
        TestRemotes.commit(remote, "main", Map.of("policies/hub", "was a file\n", "other/dir/x.yaml", "x\n"), "Odd");
        GitOpsTarget t = new GitOpsTarget(remote.toString(), "main", "backstack/swap", "", "Panel", "");

        DeliveryResult r = deliver(t, Map.of("policies/hub/a.yaml", "a: 1\n", "other/dir", "now a file\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(TestRemotes.read(remote, "backstack/swap", "policies/hub/a.yaml"))
                .isEqualTo("a: 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TestRemotes.read(remote, "backstack/swap", "other/dir"))
                .isEqualTo("now a file\n".getBytes(StandardCharsets.UTF_8));
        assertThat(deliver(t, Map.of("policies/hub/a.yaml", "a: 1\n", "other/dir", "now a file\n"))
                        .outcome())
                .isEqualTo(Outcome.ALREADY_DELIVERED);
    }
}
