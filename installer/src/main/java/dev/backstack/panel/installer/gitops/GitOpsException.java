package dev.backstack.panel.installer.gitops;

import java.util.Objects;

/**
 * A GitOps delivery or preview failed. {@link #reason()} tells the kind of failure for code;
 * {@link #problem()} says what failed and where (the remote and the branch, never a token) and
 * {@link #hint()} what to do next; {@link #getMessage()} is both. After a failed push the
 * problem also says what the remote now holds: the complete commit on the new branch, or
 * nothing new. Immutable; safe to pass between threads.
 */
public final class GitOpsException extends Exception {

    /** Why a delivery failed. */
    public enum Reason {
        /** The remote refused the credentials, or needs some and none were given. */
        AUTH_FAILED,
        /** The remote refused the push (a hook, a branch protection rule, a concurrent update). */
        PUSH_REJECTED,
        /** The new branch already exists on the remote with other files; nothing is force-pushed. */
        BRANCH_EXISTS_DIVERGED,
        /** The remote could not be reached, or holds no repository at that address. */
        REMOTE_UNREACHABLE,
        /** The base branch does not exist on the remote. */
        BASE_BRANCH_MISSING,
        /** The user cancelled (cancel flag or thread interrupt). */
        CANCELLED,
        /** Anything else: bad input, local disk problems, unexpected Git errors. */
        OTHER
    }

    private final Reason reason;
    private final String problem;
    private final String hint;

    public GitOpsException(Reason reason, String problem, String hint) {
        this(reason, problem, hint, null);
    }

    /**
     * @param cause the underlying (JGit) exception, whose message holds no credentials: the
     *              remote URL may not carry any ({@link GitOpsTarget} refuses it)
     */
    public GitOpsException(Reason reason, String problem, String hint, Throwable cause) {
        super(problem + (hint == null || hint.isEmpty() ? "" : " " + hint), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.problem = problem;
        this.hint = hint == null ? "" : hint;
    }

    public Reason reason() {
        return reason;
    }

    /** What failed and where. */
    public String problem() {
        return problem;
    }

    /** What to do next; may be empty. */
    public String hint() {
        return hint;
    }
}
