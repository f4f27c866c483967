package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.installer.connect.Redactor;
import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/**
 * Turns what JGit throws into a {@link GitOpsException} with a reason, a message that names the
 * remote and the phase, and a next step. JGit's own text is kept (redacted) as the detail.
 * Stateless.
 */
final class GitFailures {

    private static final String AUTH_HINT = "Check the user name and token: the token must be valid and allowed to "
            + "read and write the repository's contents (on GitHub: a fine-grained token with Contents read and "
            + "write, or a classic token with the repo scope). Then retry.";
    private static final String REACH_HINT = "Check the URL, the network or proxy, and that the repository exists (a "
            + "private repository looks missing to a token that cannot see it). Then retry.";

    private GitFailures() {}

    /**
     * @param phase     what the delivery was doing: {@code reading the branches of}, {@code fetching main from}
     * @param cancelled true when the user cancelled or the thread was interrupted
     * @param hadCredentials whether credentials were given (tells "refused" from "needs")
     */
    static GitOpsException map(
            Throwable e, GitOpsTarget target, String phase, boolean cancelled, boolean hadCredentials) {
        String where = phase + " " + target.displayRemote();
        String detail = detail(e);
        if (cancelled
                || has(e, InterruptedIOException.class) && !has(e, SocketTimeoutException.class)
                || containsAny(e, "was canceled", "was cancelled")) {
            return new GitOpsException(
                    Reason.CANCELLED,
                    "Cancelled while " + where + "; nothing was pushed.",
                    "Run the delivery again when ready.",
                    e);
        }
        if (containsAny(
                e,
                "not authorized",
                "authentication is required",
                "authentication not supported",
                "not permitted",
                "authentication failed",
                "invalid username or password")) {
            String problem = hadCredentials
                    ? "The GitOps remote refused the credentials while " + where + " (" + detail + ")."
                    : "The GitOps remote needs credentials while " + where + " (" + detail + ").";
            return new GitOpsException(Reason.AUTH_FAILED, problem, AUTH_HINT, e);
        }
        if (has(e, InvalidRemoteException.class) || has(e, NoRemoteRepositoryException.class)) {
            return new GitOpsException(
                    Reason.REMOTE_UNREACHABLE,
                    "No Git repository found while " + where + " (" + detail + ").",
                    REACH_HINT,
                    e);
        }
        if (has(e, ConnectException.class)
                || has(e, UnknownHostException.class)
                || has(e, NoRouteToHostException.class)
                || has(e, SocketTimeoutException.class)
                || has(e, SSLException.class)
                || containsAny(
                        e,
                        "connection failed",
                        "unknown host",
                        "timed out",
                        "time out",
                        "connection refused",
                        "remote hung up",
                        "ssl problems",
                        "certificate")) {
            return new GitOpsException(
                    Reason.REMOTE_UNREACHABLE,
                    "Cannot reach the GitOps remote while " + where + " (" + detail + ").",
                    REACH_HINT,
                    e);
        }
        return new GitOpsException(
                Reason.OTHER,
                "Git failed while " + where + " (" + detail + ").",
                "Retry; if it fails the same way, report it with the panel's log.",
                e);
    }

    /** The same failure with a sentence about what the remote now holds appended to its problem. */
    static GitOpsException withState(GitOpsException f, String state) {
        String problem =
                f.reason() == Reason.CANCELLED ? f.problem().replace("; nothing was pushed.", ".") : f.problem();
        problem = problem + " " + state;
        return new GitOpsException(f.reason(), problem, f.hint(), f.getCause());
    }

    /** The innermost distinct messages of the cause chain, redacted, for a message's detail. */
    static String detail(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (!out.toString().contains(m)) {
                out.append(out.length() == 0 ? "" : ": ").append(m);
            }
        }
        return Redactor.redact(out.toString());
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(Throwable e, String... needles) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String n : needles) {
                if (m.contains(n)) {
                    return true;
                }
            }
        }
        return false;
    }
}
