package dev.backstack.panel.installer.connect;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A kubeconfig {@code tokenFile}: read on first use and again once a minute, as client-go does,
 * so rotated tokens (projected service-account tokens) are picked up. Thread-safe.
 */
final class TokenFileProvider implements OAuthTokenProvider {

    private static final long REREAD_NANOS = 60_000_000_000L;

    private final Path file;
    private final String where;
    private String token;
    private long readAt;

    TokenFileProvider(Path file, String where) {
        this.file = file;
        this.where = where;
    }

    @Override
    public synchronized String getToken() {
        long now = System.nanoTime();
        if (token == null || now - readAt > REREAD_NANOS) {
            try {
                token = Files.readString(file, StandardCharsets.UTF_8).strip();
                readAt = now;
            } catch (IOException e) {
                throw new ConnectionException(
                        ConnectionException.Reason.INVALID_CONTEXT,
                        "tokenFile " + file + " cannot be read" + where + "; check that it exists and is readable");
            }
        }
        return token;
    }
}
