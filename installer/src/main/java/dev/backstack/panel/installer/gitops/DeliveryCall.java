package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.installer.connect.Redactor;
import dev.backstack.panel.installer.gitops.DeliveryPreview.BranchState;
import dev.backstack.panel.installer.gitops.DeliveryPreview.Change;
import dev.backstack.panel.installer.gitops.GitOpsException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.TagOpt;

/**
 * One preview or delivery: reads the remote's branches, fetches the base (and the new branch
 * when it exists) into a {@link WorkRepo}, compares, commits and pushes. Checks for a cancel
 * between phases and lets JGit poll it during transfers. Used once, on the calling thread.
 */
final class DeliveryCall {

    private static final String TRACKING = "refs/remotes/origin/";

    /** What the remote held when the call looked, and the base commit fetched. */
    record Inspection(DeliveryPreview preview, RevCommit base) {}

    private final GitOpsTarget target;
    private final FileSet files;
    private final GitCredentials credentials;
    private final CredentialsProvider provider;
    private final ProgressListener listener;
    private final int timeoutSeconds;
    private final CancelMonitor monitor;
    private final CancelMonitor pushMonitor;

    DeliveryCall(
            GitOpsTarget target,
            FileSet files,
            GitCredentials credentials,
            ProgressListener listener,
            Duration timeout) {
        this.target = target;
        this.files = files;
        this.credentials = credentials;
        this.provider = credentials.provider();
        this.listener = listener;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
        this.monitor = new CancelMonitor(listener::status, this::cancelled);
        // A push is one small pack, so it is not cancelled midway (the cancel is checked right before it): JGit
        // 7.8 cancelled before sending its commands still waits ten times the timeout for a status report.
        this.pushMonitor = new CancelMonitor(listener::status, () -> false);
    }

    /** Fetches what is needed and compares the files with the base branch and the new branch. */
    Inspection inspect(WorkRepo work) throws GitOpsException {
        checkCancelled("reading the branches of", "nothing was pushed");
        Map<String, Ref> heads;
        try {
            heads = branches("reading the branches of");
        } catch (GitOpsException e) {
            throw e.reason() == Reason.CANCELLED ? e : GitFailures.withState(e, "Nothing was pushed.");
        }
        Ref base = heads.get(target.baseRef());
        if (base == null) {
            throw baseMissing(heads);
        }
        boolean branchExists = heads.containsKey(target.branchRef());
        checkCancelled("fetching " + target.baseBranch() + " from", "nothing was pushed");
        List<RefSpec> specs = new ArrayList<>(List.of(tracking(target.baseBranch())));
        if (branchExists) {
            specs.add(tracking(target.branch()));
        }
        status("fetching " + target.baseBranch() + " from " + target.displayRemote());
        try {
            work.git()
                    .fetch()
                    .setRemote(target.remoteUrl())
                    .setRefSpecs(specs)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setDepth(1)
                    .setCredentialsProvider(provider)
                    .setTimeout(timeoutSeconds)
                    .setProgressMonitor(monitor)
                    .call();
        } catch (GitAPIException | JGitInternalException e) {
            throw beforePush(e, "fetching " + target.baseBranch() + " from");
        }
        try (ObjectReader reader = work.repository().newObjectReader()) {
            RevCommit baseCommit = work.parse(fetched(work, target.baseBranch()));
            BranchState state = BranchState.ABSENT;
            String branchCommit = "";
            if (branchExists) {
                RevCommit head = work.parse(fetched(work, target.branch()));
                state = files.heldBy(reader, head.getTree()) ? BranchState.HOLDS_THESE_FILES : BranchState.DIFFERENT;
                branchCommit = head.name();
            }
            DeliveryPreview preview = new DeliveryPreview(
                    target, baseCommit.name(), files.compare(reader, baseCommit.getTree()), state, branchCommit);
            return new Inspection(preview, baseCommit);
        } catch (IOException | RuntimeException e) {
            throw beforePush(e, "reading what was fetched from");
        }
    }

    /** Delivers after an {@link #inspect}: nothing, or one commit pushed to the new branch. */
    DeliveryResult deliver(WorkRepo work, Inspection inspection, String message) throws GitOpsException {
        DeliveryPreview p = inspection.preview();
        Optional<DeliveryResult> settled = p.withoutPush();
        if (settled.isPresent()) {
            return settled.get();
        }
        List<String> written = new ArrayList<>(p.paths(Change.ADDED));
        written.addAll(p.paths(Change.CHANGED));
        if (p.branch() == BranchState.DIFFERENT) {
            throw new GitOpsException(
                    Reason.BRANCH_EXISTS_DIVERGED,
                    "Branch " + target.branch() + " already exists "
                            + "on the GitOps remote " + target.displayRemote() + " (at " + abbreviate(p.branchCommit())
                            + ") with other content than these files; nothing was pushed.",
                    "Choose another branch name, or "
                            + "merge or delete the existing branch first: the panel never force-pushes.");
        }
        checkCancelled("committing for", "nothing was pushed");
        ObjectId commit;
        try (ObjectInserter inserter = work.repository().newObjectInserter();
                ObjectReader reader = work.repository().newObjectReader()) {
            ObjectId tree = files.writeTree(inserter, reader, inspection.base().getTree());
            inserter.flush();
            commit = work.commit(tree, inspection.base(), target, message, target.branchRef());
        } catch (IOException | RuntimeException e) {
            throw beforePush(e, "committing in the temporary clone of");
        }
        checkCancelled("pushing branch " + target.branch() + " to", "nothing was pushed");
        return push(work, commit, written);
    }

    private DeliveryResult push(WorkRepo work, ObjectId commit, List<String> written) throws GitOpsException {
        status("pushing branch " + target.branch() + " to " + target.displayRemote());
        String ref = target.branchRef();
        PushResult pushed;
        try {
            pushed = work.git()
                    .push()
                    .setRemote(target.remoteUrl())
                    .setRefSpecs(new RefSpec(ref + ":" + ref))
                    .setCredentialsProvider(provider)
                    .setTimeout(timeoutSeconds)
                    .setProgressMonitor(pushMonitor)
                    .setOutputStream(OutputStream.nullOutputStream())
                    .call()
                    .iterator()
                    .next();
        } catch (GitAPIException | JGitInternalException e) {
            GitOpsException f = GitFailures.map(
                    e, target, "pushing branch " + target.branch() + " to", cancelled(), hasCredentials());
            if (f.reason() == Reason.CANCELLED) {
                throw GitFailures.withState(
                        f,
                        allOrNothing("run it again to finish: a re-run reports 'already "
                                + "delivered' if the commit arrived"));
            }
            Ref now;
            try {
                now = branchNow();
            } catch (GitOpsException check) {
                throw GitFailures.withState(f, unknownState(check));
            }
            if (now != null && commit.equals(now.getObjectId())) {
                return pushed(commit, written); // the reply was lost, the push was not
            }
            throw GitFailures.withState(f, describe(now, commit));
        }
        RemoteRefUpdate update = pushed.getRemoteUpdate(ref);
        RemoteRefUpdate.Status status = update == null ? RemoteRefUpdate.Status.NOT_ATTEMPTED : update.getStatus();
        if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
            return pushed(commit, written);
        }
        String why = switch (status) {
            case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED ->
                "someone else created the branch while this delivery ran";
            default ->
                status.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + (update == null || update.getMessage() == null ? "" : ": " + update.getMessage());
        };
        String remoteSaid =
                pushed.getMessages() == null ? "" : pushed.getMessages().strip();
        throw new GitOpsException(
                Reason.PUSH_REJECTED,
                "The GitOps remote " + target.displayRemote() + " refused the "
                        + "push of branch " + target.branch() + " (" + Redactor.redact(why)
                        + (remoteSaid.isEmpty() ? "" : "; the remote said: " + Redactor.redact(shorten(remoteSaid)))
                        + "). " + stateAfterFailure(commit),
                "Fix what the remote names (a protected branch pattern, a pre-receive hook, a required signature) or "
                        + "choose another branch name, then retry; a re-run finds whatever is already there.");
    }

    /** The remote's branches, as {@code refs/heads/...} to ref. */
    private Map<String, Ref> branches(String phase) throws GitOpsException {
        status(phase + " " + target.displayRemote());
        try {
            return Git.lsRemoteRepository()
                    .setRemote(target.remoteUrl())
                    .setHeads(true)
                    .setCredentialsProvider(provider)
                    .setTimeout(timeoutSeconds)
                    .callAsMap();
        } catch (GitAPIException | JGitInternalException e) {
            throw GitFailures.map(e, target, phase, cancelled(), hasCredentials());
        }
    }

    private GitOpsException beforePush(Throwable e, String phase) {
        GitOpsException f = GitFailures.map(e, target, phase, cancelled(), hasCredentials());
        return f.reason() == Reason.CANCELLED ? f : GitFailures.withState(f, "Nothing was pushed.");
    }

    /** The new branch on the remote now; null when it does not exist. */
    private Ref branchNow() throws GitOpsException {
        return branches("checking the new branch on").get(target.branchRef());
    }

    /** What the remote holds after a failed push, checked with the remote. */
    private String stateAfterFailure(ObjectId commit) {
        try {
            return describe(branchNow(), commit);
        } catch (GitOpsException e) {
            return unknownState(e);
        }
    }

    private String describe(Ref now, ObjectId commit) {
        if (now == null) {
            return "Nothing new is on the remote: branch " + target.branch() + " was not created.";
        }
        if (commit.equals(now.getObjectId())) {
            return "The remote nevertheless holds the complete commit " + abbreviate(commit.name()) + " on branch "
                    + target.branch() + ".";
        }
        return "Branch " + target.branch() + " exists on the remote at "
                + abbreviate(now.getObjectId().name())
                + ", made by someone else; nothing of this delivery is on the remote.";
    }

    private String unknownState(GitOpsException check) {
        return allOrNothing(
                "the panel could not check which (" + check.problem() + "): run the delivery again to " + "find out");
    }

    private String allOrNothing(String then) {
        return "Git updates a branch all or nothing, so " + target.displayRemote()
                + " holds either the complete commit on branch " + target.branch() + " or nothing new; " + then + ".";
    }

    private GitOpsException baseMissing(Map<String, Ref> heads) {
        List<String> names = heads.keySet().stream()
                .filter(n -> n.startsWith(Constants.R_HEADS))
                .map(n -> n.substring(Constants.R_HEADS.length()))
                .sorted()
                .limit(8)
                .toList();
        return new GitOpsException(
                Reason.BASE_BRANCH_MISSING,
                "The base branch " + target.baseBranch()
                        + " does not exist on the GitOps remote " + target.displayRemote()
                        + (names.isEmpty()
                                ? " (the repository has no branches yet)"
                                : " (branches there: " + String.join(", ", names) + ")")
                        + "; nothing was pushed.",
                "Choose an existing base branch, or create it on the remote, then retry.");
    }

    private DeliveryResult pushed(ObjectId commit, List<String> written) {
        return new DeliveryResult(
                DeliveryResult.Outcome.PUSHED,
                target.displayRemote(),
                target.baseBranch(),
                target.branch(),
                commit.name(),
                written,
                PullRequestLinks.compareUrl(target.remoteUrl(), target.baseBranch(), target.branch()));
    }

    private void checkCancelled(String phase, String state) throws GitOpsException {
        if (cancelled()) {
            throw new GitOpsException(
                    Reason.CANCELLED,
                    "Cancelled before " + phase + " " + target.displayRemote() + "; " + state + ".",
                    "Run the delivery again when ready.");
        }
    }

    private boolean cancelled() {
        return listener.isCancelled() || Thread.currentThread().isInterrupted();
    }

    private boolean hasCredentials() {
        return !credentials.isEmpty();
    }

    private void status(String line) {
        listener.status(line);
    }

    private static RefSpec tracking(String branch) {
        return new RefSpec("+" + Constants.R_HEADS + branch + ":" + TRACKING + branch);
    }

    private static ObjectId fetched(WorkRepo work, String branch) throws IOException {
        Ref ref = work.repository().exactRef(TRACKING + branch);
        if (ref == null) {
            throw new IOException("the fetch brought no " + branch);
        }
        return ref.getObjectId();
    }

    private static String abbreviate(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }

    private static String shorten(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
