package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.spoke.Registration;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the registration's ServiceAccount token (and the spoke's CA) from the token Secret on the
 * spoke, as the spoke's token controller filled it. The token is returned as a {@link SecretText};
 * callers clear it once written. Never logs.
 *
 * @param token  the bearer token
 * @param caData the spoke's CA as base64 PEM: the Secret's {@code ca.crt}, else the CA the
 *               connection to the spoke trusts (public data, not a credential); empty if neither
 */
public record SpokeToken(SecretText token, String caData) {

    /** The token once the controller has written it; empty while the Secret has none. */
    public static Optional<SpokeToken> read(KubernetesClient spoke, Registration r) {
        Secret s;
        try {
            s = spoke.secrets()
                    .inNamespace(r.namespace())
                    .withName(r.tokenSecret())
                    .get();
        } catch (KubernetesClientException e) {
            return Optional.empty();
        }
        Map<String, String> data = s == null || s.getData() == null ? Map.of() : s.getData();
        String token = data.get("token");
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String ca = data.getOrDefault("ca.crt", "");
        return Optional.of(new SpokeToken(
                SecretText.of(new String(Base64.getDecoder().decode(token.trim()), StandardCharsets.UTF_8)),
                ca.isBlank() ? clientCa(spoke.getConfiguration()) : ca.trim()));
    }

    /** The CA the spoke's connection trusts, base64 PEM, or empty. */
    static String clientCa(Config c) {
        if (c == null) {
            return "";
        }
        if (c.getCaCertData() != null && !c.getCaCertData().isBlank()) {
            return c.getCaCertData().trim();
        }
        if (c.getCaCertFile() != null && !c.getCaCertFile().isBlank()) {
            try {
                return Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(c.getCaCertFile())));
            } catch (IOException e) {
                return "";
            }
        }
        return "";
    }
}
