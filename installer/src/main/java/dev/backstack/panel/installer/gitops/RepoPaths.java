package dev.backstack.panel.installer.gitops;

import java.util.Locale;

/**
 * Checks the paths a delivery writes inside a repository: relative, forward slashes, no empty,
 * {@code .} or {@code ..} segment, nothing under {@code .git}. Stateless.
 */
final class RepoPaths {

    private RepoPaths() {}

    /** The folder without leading or trailing slashes; empty for the repository's root. */
    static String folder(String folder) {
        if (folder == null) {
            return "";
        }
        String f = folder.strip();
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        while (f.endsWith("/")) {
            f = f.substring(0, f.length() - 1);
        }
        if (!f.isEmpty()) {
            check(f, "folder");
        }
        return f;
    }

    /** The path of a file inside the folder; throws {@link IllegalArgumentException} for a bad file name. */
    static String inFolder(String folder, String file) {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("A file to deliver has an empty name.");
        }
        check(file, "file");
        return folder.isEmpty() ? file : folder + "/" + file;
    }

    private static void check(String path, String what) {
        if (path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "The " + what + " '" + path + "' must be a relative path with " + "forward slashes.");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()
                    || segment.equals(".")
                    || segment.equals("..")
                    || segment.toLowerCase(Locale.ROOT).equals(".git")) {
                throw new IllegalArgumentException(
                        "The " + what + " '" + path + "' has an empty, '.', '..' or " + "'.git' part.");
            }
        }
    }
}
