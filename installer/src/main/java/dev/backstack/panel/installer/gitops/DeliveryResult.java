package dev.backstack.panel.installer.gitops;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delivery did, for a wizard's summary. Immutable.
 *
 * @param outcome         pushed a new branch, found it already delivered, or found nothing to change
 * @param remote          the remote as shown to people (no credentials)
 * @param baseBranch      the branch the new one starts from
 * @param branch          the new branch
 * @param commitId        the new branch's head (pushed or already delivered); for nothing to change,
 *                        the base branch's head, which already holds the files
 * @param filesWritten    repository paths the branch adds or changes against the base branch
 *                        (empty when nothing changed)
 * @param pullRequestUrl  where to open the pull request, for GitHub remotes when there is a branch
 */
public record DeliveryResult(
        Outcome outcome,
        String remote,
        String baseBranch,
        String branch,
        String commitId,
        List<String> filesWritten,
        Optional<String> pullRequestUrl) {

    /** How a delivery ended. */
    public enum Outcome {
        /** A new branch with one new commit was pushed. */
        PUSHED,
        /** The branch already held exactly these files; nothing was pushed. */
        ALREADY_DELIVERED,
        /** The base branch already holds exactly these files; nothing was pushed. */
        NOTHING_TO_CHANGE
    }

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        filesWritten = List.copyOf(filesWritten);
        pullRequestUrl = pullRequestUrl == null ? Optional.empty() : pullRequestUrl;
    }

    /** True when this delivery sent something to the remote. */
    public boolean pushed() {
        return outcome == Outcome.PUSHED;
    }

    private static String files(int n) {
        return n == 1 ? "1 file" : n + " files";
    }

    /** One sentence for a summary page or a log. */
    public String summary() {
        String shortId = commitId.length() > 10 ? commitId.substring(0, 10) : commitId;
        String pr = pullRequestUrl.map(u -> " Open the pull request: " + u).orElse("");
        return switch (outcome) {
            case PUSHED ->
                "Committed " + files(filesWritten.size()) + " as " + shortId + " on the new branch " + branch + " of "
                        + remote + "." + pr;
            case ALREADY_DELIVERED ->
                "Already delivered: branch " + branch + " of " + remote + " holds exactly these " + "files (" + shortId
                        + "); nothing was pushed." + pr;
            case NOTHING_TO_CHANGE ->
                "Nothing to change: " + baseBranch + " of " + remote + " already holds exactly "
                        + "these files; nothing was pushed.";
        };
    }
}
