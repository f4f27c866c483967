package dev.backstack.panel.installer.plan;

/**
 * A range of Kubernetes minor versions, both ends included, such as {@code 1.31 - 1.37}.
 * Immutable.
 */
public record VersionRange(int minMinor, int maxMinor) {

    /** Parses {@code "1.31"} style bounds. */
    public static VersionRange of(String min, String max) {
        return new VersionRange(minor(min), minor(max));
    }

    /** True when a git version such as {@code v1.37.2} or {@code v1.33.1-eks-abc} is in range. */
    public boolean contains(String gitVersion) {
        try {
            int m = minor(gitVersion);
            return m >= minMinor && m <= maxMinor;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the version is below the range (its APIs may be missing); false when unreadable. */
    public boolean isOlder(String gitVersion) {
        try {
            return minor(gitVersion) < minMinor;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static int minor(String version) {
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = v.split("[.+-]");
        if (parts.length < 2 || !parts[0].equals("1")) {
            throw new IllegalArgumentException("not a Kubernetes 1.x version: " + version);
        }
        return Integer.parseInt(parts[1].replaceAll("\\D.*", ""));
    }

    @Override
    public String toString() {
        return "1." + minMinor + " - 1." + maxMinor;
    }
}
