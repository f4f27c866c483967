package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backstack.panel.installer.gitops.DeliveryResult.Outcome;
import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import dev.backstack.panel.model.install.SecretText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries over Git's smart HTTP protocol to a loopback server: authentication, refusals, secrets. */
class GitOpsHttpDeliveryTest {

    private static final String USER = "panel-bot";
    private static final String TOKEN = "ghp_TESTgitopsToken0123456789abcdefABCD";
    private static final String WRONG = "ghp_TESTwrongToken9876543210zyxwvuZYXW";
    private static final Map<String, String> FILES = Map.of("require-labels.yaml", "kind: ClusterPolicy\n");

    @TempDir
    Path tmp;

    private Path remote;
    private Path work;
    private GitHttpServer server;
    private GitOpsDelivery delivery;
    private final List<String> status = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        remote = TestRemotes.seed(tmp.resolve("remote.git"), Map.of("README.md", "hi\n"));
        TestRemotes.commit(remote, "main", Map.of("README.md", "history\n"), "Some history to fetch shallow");
        work = Files.createDirectories(tmp.resolve("work"));
        server = new GitHttpServer(remote);
        delivery = new GitOpsDelivery(work, Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        try (Stream<Path> left = Files.list(work)) {
            assertThat(left).as("temporary clones left behind").isEmpty();
        }
    }

    private GitOpsTarget target() {
        return new GitOpsTarget(server.url(), "main", "backstack/policies", "policies/hub", "Panel", "p@example.org");
    }

    private DeliveryResult deliver(GitCredentials credentials) throws GitOpsException {
        return delivery.deliver(target(), FILES, "Add policies", credentials, status::add);
    }

    @Test
    @DisplayName("delivers over http with the token sent as Basic authentication, never kept in the clone's files")
    void deliversWithToken() throws Exception {
        server.requireBasic(USER, TOKEN);
        List<Path> scanned = new ArrayList<>();
        List<String> modes = new ArrayList<>();
        server.onPush(() -> {
            scanned.addAll(filesWithout(work, TOKEN));
            modes.addAll(folderModes(work));
        });

        DeliveryResult r = deliver(GitCredentials.of(USER, SecretText.of(TOKEN)));

        assertThat(r.outcome()).isEqualTo(Outcome.PUSHED);
        assertThat(r.commitId())
                .isEqualTo(TestRemotes.head(remote, "backstack/policies").name());
        assertThat(server.authorizations).contains(basic(TOKEN));
        assertThat(scanned)
                .as("the temporary clone existed while pushing and was scanned")
                .anyMatch(p -> p.getFileName().toString().equals("config"));
        assertThat(modes).as("the temporary clone is owner-only").containsExactly("rwx------");
        assertThat(String.join("\n", status) + r + r.summary()).doesNotContain(TOKEN);
    }

    @Test
    @DisplayName("a wrong token is AUTH_FAILED; the token is in no message, cause, stack trace or toString")
    void wrongToken() throws Exception {
        server.requireBasic(USER, TOKEN);
        GitCredentials wrong = GitCredentials.of(USER, SecretText.of(WRONG));
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        GitOpsException e = catchFailure(() -> deliver(wrong));

        assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(e.getMessage())
                .contains("refused the credentials")
                .contains(server.url())
                .contains("token");
        assertThat(server.authorizations).as("the wrong token was offered").contains(basic(WRONG));
        assertThat(everythingShown(e) + wrong + String.join("\n", status))
                .doesNotContain(WRONG)
                .doesNotContain(basic(WRONG).substring(6));
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("no credentials for a remote that requires them is AUTH_FAILED saying credentials are needed")
    void missingCredentials() {
        server.requireBasic(USER, TOKEN);

        GitOpsException e = catchFailure(() -> deliver(GitCredentials.none()));

        assertThat(e.reason()).isEqualTo(Reason.AUTH_FAILED);
        assertThat(e.getMessage()).contains("needs credentials");
    }

    @Test
    @DisplayName("a push refused by the server is PUSH_REJECTED with its reason; nothing new is on the remote")
    void refusedPush() throws Exception {
        server.refusePushes("pre-receive hook declined: branches must start with policy/");
        Map<String, ObjectId> before = TestRemotes.refs(remote);

        GitOpsException e = catchFailure(() -> deliver(GitCredentials.none()));

        assertThat(e.reason()).isEqualTo(Reason.PUSH_REJECTED);
        assertThat(e.getMessage())
                .contains("backstack/policies")
                .contains(server.url())
                .contains("branches must start with policy/")
                .contains("Nothing new is on the remote: branch backstack/policies was not created.");
        assertThat(TestRemotes.refs(remote)).isEqualTo(before);
    }

    @Test
    @DisplayName("a token is never sent over plain http to another host")
    void noTokenOverPlainHttp() {
        GitOpsTarget t = new GitOpsTarget("http://git.example.org/acme/gitops.git", "main", "b", "", "Panel", "");

        assertThatThrownBy(() -> delivery.deliver(t, FILES, "m", GitCredentials.of(USER, SecretText.of(TOKEN)), null))
                .isInstanceOfSatisfying(GitOpsException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OTHER);
                    assertThat(e.getMessage()).contains("unencrypted").doesNotContain(TOKEN);
                });
        assertThat(server.requests).isEmpty();
    }

    private static String basic(String token) {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    /** Every file under {@code dir}, asserting none holds the token (plain or in a Basic header). */
    private static List<Path> filesWithout(Path dir, String token) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            for (Path p : all) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(text)
                        .as(p.toString())
                        .doesNotContain(token)
                        .doesNotContain(basic(token).substring(6));
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> folderModes(Path dir) {
        try (Stream<Path> clones = Files.list(dir)) {
            return clones.map(p -> {
                        try {
                            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String everythingShown(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append('\n').append(t).append('\n');
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return out.append(trace).toString();
    }

    private interface Call {
        void run() throws GitOpsException;
    }

    private static GitOpsException catchFailure(Call call) {
        try {
            call.run();
        } catch (GitOpsException e) {
            return e;
        }
        throw new AssertionError("expected a GitOpsException");
    }
}
