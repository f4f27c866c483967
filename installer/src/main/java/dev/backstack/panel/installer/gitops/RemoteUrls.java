package dev.backstack.panel.installer.gitops;

import dev.backstack.panel.installer.connect.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which remote addresses a delivery accepts: {@code https://} (and {@code http://}, for which
 * credentials are sent only to a loopback host), {@code file://} and absolute local paths. SSH
 * and {@code git://} are refused, and so is any URL carrying a user or token, which Git would
 * otherwise keep in the clone's config and in its error messages. Stateless.
 */
final class RemoteUrls {

    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.+-]+@[\\w.-]+:.*");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    private RemoteUrls() {}

    /** Throws {@link IllegalArgumentException} (whose message never repeats credentials) for a refused remote. */
    static void check(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The GitOps remote URL is empty.");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            URI uri = parse(url);
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("The GitOps remote URL carries a user or token (user:token@host): "
                        + "give the URL without it and the token as the credentials.");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("The GitOps remote URL has no host: " + Redactor.redact(url));
            }
            return;
        }
        if (lower.startsWith("file://")) {
            return;
        }
        if (lower.startsWith("ssh://")
                || lower.startsWith("git://")
                || SCP_LIKE.matcher(url).matches()) {
            throw new IllegalArgumentException("SSH and git:// remotes are not supported yet: use the repository's "
                    + "https:// URL and a token.");
        }
        if (SCHEME.matcher(url).matches() || !isAbsolutePath(url)) {
            throw new IllegalArgumentException("The GitOps remote must be an https:// URL, a file:// URL or an "
                    + "absolute local path, not " + Redactor.redact(url));
        }
    }

    /** The URL as messages show it (it holds no credentials once {@link #check} passed). */
    static String display(String url) {
        return Redactor.redact(url);
    }

    /** True for {@code http://} (not https) to a host other than this machine: no credentials go there. */
    static boolean isPlainHttpToOtherHost(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return false;
        }
        String host = parse(url).getHost().toLowerCase(Locale.ROOT);
        return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The GitOps remote URL is not a valid URL: " + Redactor.redact(url));
        }
    }

    private static boolean isAbsolutePath(String s) {
        try {
            return Path.of(s).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
