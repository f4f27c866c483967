package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.model.install.SecretText;
import java.util.Objects;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;

/**
 * A user name and token for an https remote (for GitHub, any user name with a personal access
 * token that may write contents). The token stays a {@link SecretText} in memory: it is handed
 * to Git only through an in-memory {@link CredentialsProvider} when the remote asks, never put
 * into a URL, a Git config, a file, a command line, a log or an exception message, and
 * {@link #toString()} does not show it. {@link #none()} is for remotes that need no login
 * (local paths in tests, public read-only previews). Immutable and thread-safe (clearing the
 * token clears it for every holder).
 */
public final class GitCredentials {

    /** The user name sent with a token when none is given; GitHub ignores it for tokens. */
    public static final String TOKEN_USER = "x-access-token";

    private static final GitCredentials NONE = new GitCredentials("", SecretText.empty());

    private final String username;
    private final SecretText token;

    private GitCredentials(String username, SecretText token) {
        this.username = username;
        this.token = token;
    }

    /** No credentials. */
    public static GitCredentials none() {
        return NONE;
    }

    /**
     * A user name and a token; a blank user name becomes {@link #TOKEN_USER}; an empty token
     * means {@link #none()}.
     */
    public static GitCredentials of(String username, SecretText token) {
        if (token == null || token.isEmpty()) {
            return NONE;
        }
        String user = username == null || username.isBlank() ? TOKEN_USER : username.strip();
        return new GitCredentials(user, token);
    }

    /** Null-safe: {@code null} reads as {@link #none()}. */
    static GitCredentials orNone(GitCredentials credentials) {
        return credentials == null ? NONE : credentials;
    }

    public String username() {
        return username;
    }

    public boolean isEmpty() {
        return token.isEmpty();
    }

    /** For Git's transport only; {@code null} when there are no credentials. */
    CredentialsProvider provider() {
        return isEmpty() ? null : new TokenProvider(username, token);
    }

    @Override
    public String toString() {
        return isEmpty() ? "GitCredentials[none]" : "GitCredentials[user=" + username + ", token=" + token + "]";
    }

    /** Answers Git's user name and password prompts from memory; never interactive. */
    private static final class TokenProvider extends CredentialsProvider {
        private final String username;
        private final SecretText token;

        TokenProvider(String username, SecretText token) {
            this.username = username;
            this.token = Objects.requireNonNull(token);
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(CredentialItem... items) {
            for (CredentialItem item : items) {
                if (!(item instanceof CredentialItem.Username) && !(item instanceof CredentialItem.Password)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean get(URIish uri, CredentialItem... items) {
            if (token.isEmpty() || !supports(items)) {
                return false;
            }
            for (CredentialItem item : items) {
                if (item instanceof CredentialItem.Username u) {
                    u.setValue(username);
                } else if (item instanceof CredentialItem.Password p) {
                    p.setValue(token.reveal().toCharArray());
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return "TokenProvider[user=" + username + "]";
        }
    }
}
