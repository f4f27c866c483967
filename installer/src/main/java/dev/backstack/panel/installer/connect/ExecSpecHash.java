package dev.backstack.panel.installer.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** SHA-256 of an exec spec and of lists of strings, with an unambiguous (length-prefixed) encoding. */
final class ExecSpecHash {

    private ExecSpecHash() {}

    /**
     * The hash of what decides what a credential plugin does: API version, command, arguments,
     * environment names and values (sorted by name) and whether it gets the cluster's details.
     * The install hint and the base directory (already applied to the command) are left out.
     */
    static String of(ExecSpec spec) {
        List<String> parts = new ArrayList<>();
        parts.add(spec.apiVersion());
        parts.add(spec.command());
        parts.add("args:" + spec.args().size());
        parts.addAll(spec.args());
        Map<String, String> env = new TreeMap<>(spec.env());
        parts.add("env:" + env.size());
        env.forEach((name, value) -> {
            parts.add(name);
            parts.add(value);
        });
        parts.add(String.valueOf(spec.provideClusterInfo()));
        return sha256(parts);
    }

    static String sha256(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
