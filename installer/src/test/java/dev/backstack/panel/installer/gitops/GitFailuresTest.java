package dev.backstack.panel.installer.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitFailuresTest {

    private static final GitOpsTarget TARGET =
            new GitOpsTarget("https://github.com/acme/gitops.git", "main", "backstack/x", "", "Panel", "");

    private static URIish uri() {
        try {
            return new URIish(TARGET.remoteUrl());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What JGit throws (the API wrapping its transport errors), and the reason it must map to. */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(uri(), "not authorized")),
                        Reason.AUTH_FAILED),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(
                                uri(), "Authentication is required but no CredentialsProvider has been registered")),
                        Reason.AUTH_FAILED),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(
                                uri(), "git-receive-pack not permitted on 'https://github.com/acme/gitops.git/'")),
                        Reason.AUTH_FAILED),
                Arguments.of(
                        api(new NoRemoteRepositoryException(
                                uri(), "https://github.com/acme/gitops.git/info/refs " + "not found")),
                        Reason.REMOTE_UNREACHABLE),
                Arguments.of(new InvalidRemoteException("Invalid remote: origin"), Reason.REMOTE_UNREACHABLE),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(
                                uri(), "connection failed", new ConnectException("Connection refused"))),
                        Reason.REMOTE_UNREACHABLE),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(
                                uri(), "unknown host", new UnknownHostException("github.com"))),
                        Reason.REMOTE_UNREACHABLE),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException(uri(), "Read timed out after 10000 ms")),
                        Reason.REMOTE_UNREACHABLE),
                Arguments.of(
                        api(new org.eclipse.jgit.errors.TransportException("Operation fetch was canceled")),
                        Reason.CANCELLED),
                Arguments.of(new IOException("No space left on device"), Reason.OTHER));
    }

    private static TransportException api(org.eclipse.jgit.errors.TransportException e) {
        return new TransportException(e.getMessage(), e);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("failures")
    @DisplayName("maps what JGit throws to a reason, naming the phase and the remote, with a next step")
    void mapsToReason(Exception jgit, Reason expected) {
        GitOpsException e = GitFailures.map(jgit, TARGET, "fetching main from", false, true);

        assertThat(e.reason()).isEqualTo(expected);
        assertThat(e.getMessage()).contains("fetching main from https://github.com/acme/gitops.git");
        assertThat(e.hint()).isNotBlank();
        assertThat(e.getCause()).isSameAs(jgit);
    }

    @Test
    @DisplayName("a cancel wins over whatever JGit threw on the way out")
    void cancelWins() {
        GitOpsException e = GitFailures.map(new IOException("Pipe closed"), TARGET, "pushing branch x to", true, true);

        assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
    }

    @Test
    @DisplayName("the detail keeps JGit's words but masks anything that looks like a token")
    void detailIsRedacted() {
        String detail = GitFailures.detail(
                new IOException("push to https://bot:ghp_TESTleak0123456789@github.com/x " + "failed"));

        assertThat(detail).doesNotContain("ghp_TESTleak0123456789").contains("failed");
    }
}
