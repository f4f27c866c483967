package dev.backstack.panel.installer.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test fixtures: copies of {@code src/test/resources/connect/...}, shell-script plugins, checksums. */
final class Fixtures {

    static final String V1 = "client.authentication.k8s.io/v1";
    static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";

    private Fixtures() {}

    /** Copies the fixture directory {@code connect/<name>} into {@code target} and returns the copy. */
    static Path copy(String name, Path target) {
        try {
            URL url = Fixtures.class.getResource("/connect/" + name);
            if (url == null) {
                throw new IllegalArgumentException("no fixture connect/" + name);
            }
            Path source = Path.of(url.toURI());
            Path destination = target.resolve(name);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = destination.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return destination;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test CA certificate (public only), base64-encoded as in certificate-authority-data. */
    static String caBase64() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/connect/ca.crt")) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ConnectionException the call throws (fails the test if it throws nothing or something else). */
    static ConnectionException failure(ThrowingCallable call) {
        ConnectionException error = Assertions.catchThrowableOfType(ConnectionException.class, call);
        Assertions.assertThat(error).as("expected a ConnectionException").isNotNull();
        return error;
    }

    static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an executable {@code /bin/sh} script. */
    static Path script(Path dir, String name, String body) {
        Path file = write(dir.resolve(name), "#!/bin/sh\n" + body + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A plugin script that prints a v1 ExecCredential with this token. */
    static String printsCredential(String apiVersion, String token) {
        return "cat <<'JSON'\n{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"" + token + "\"}}\nJSON";
    }

    /**
     * A plugin script that counts its runs in {@code $COUNTER} and returns {@code token-<n>},
     * with {@code $EXPIRY} as expirationTimestamp when set.
     */
    static String countingCredential() {
        return """
                n=$(cat "$COUNTER" 2>/dev/null || echo 0)
                n=$((n + 1))
                echo "$n" > "$COUNTER"
                if [ -n "$EXPIRY" ]; then expiry=",\\"expirationTimestamp\\":\\"$EXPIRY\\""; else expiry=""; fi
                printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"token-%s"%s}}' "$n" "$expiry"
                """;
    }

    static int count(Path counter) {
        try {
            return Files.exists(counter)
                    ? Integer.parseInt(Files.readString(counter).strip())
                    : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checksums of every file under a directory, keyed by relative path. */
    static Map<String, String> checksums(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            Map<String, String> sums = new LinkedHashMap<>();
            files.filter(Files::isRegularFile)
                    .sorted()
                    .forEach(file -> sums.put(dir.relativize(file).toString(), sha256(file)));
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }
}
