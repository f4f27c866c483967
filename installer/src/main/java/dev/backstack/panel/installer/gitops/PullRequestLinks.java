package dev.backstack.panel.installer.gitops;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link that opens a pull request for a delivered branch. Only GitHub is known: for
 * {@code https://github.com/owner/repo(.git)}, {@code git@github.com:owner/repo.git} and
 * {@code ssh://git@github.com/owner/repo.git} it is
 * {@code https://github.com/owner/repo/compare/<base>...<branch>?expand=1}; any other remote
 * has none. Pure functions; any thread.
 */
public final class PullRequestLinks {

    private static final Pattern GITHUB = Pattern.compile(
            "^(?:https://(?:www\\.)?github\\.com/|git@github\\.com:|ssh://git@github\\.com(?::22)?/)"
                    + "([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$",
            Pattern.CASE_INSENSITIVE);

    private PullRequestLinks() {}

    /** The compare link that offers to open a pull request from {@code branch} into {@code base}, if known. */
    public static Optional<String> compareUrl(String remoteUrl, String base, String branch) {
        if (remoteUrl == null) {
            return Optional.empty();
        }
        Matcher m = GITHUB.matcher(remoteUrl.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("https://github.com/" + m.group(1) + "/" + m.group(2) + "/compare/" + encode(base) + "..."
                + encode(branch) + "?expand=1");
    }

    /** Percent-encodes a branch name for a URL path, keeping its slashes. */
    static String encode(String branch) {
        StringBuilder out = new StringBuilder();
        for (byte b : branch.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
