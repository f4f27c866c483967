package dev.backstack.panel.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Looks for a secret value where it must never be: Helm's release records, files on disk. */
final class LeakScan {

    private LeakScan() {}

    /** Helm 3 keeps each release (values included) as base64(gzip(JSON)) in a Secret labelled owner=helm. */
    static void assertNoHelmReleaseHolds(KubernetesClient client, String secret) throws IOException {
        int seen = 0;
        for (Secret s : client.secrets()
                .inAnyNamespace()
                .withLabel("owner", "helm")
                .list()
                .getItems()) {
            byte[] once = Base64.getDecoder().decode(s.getData().get("release"));
            byte[] gz = Base64.getDecoder().decode(once);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
                String release = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(release)
                        .as("Helm release " + s.getMetadata().getName())
                        .doesNotContain(secret);
                seen++;
            }
        }
        assertThat(seen).as("Helm release records scanned").isPositive();
    }

    static void assertNoFileHolds(Path dir, String secret) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p, StandardCharsets.ISO_8859_1))
                        .as(p.toString())
                        .doesNotContain(secret);
            }
        }
    }
}
