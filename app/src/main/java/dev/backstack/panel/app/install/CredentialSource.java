package dev.backstack.panel.app.install;

import dev.backstack.panel.model.install.Credentials;
import dev.backstack.panel.model.install.SecretText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the headless install takes its secrets from: environment variables, or {@code KEY=value}
 * lines on standard input. Never the command line (argv is visible to every user of the machine).
 * Keys: {@code GITHUB_TOKEN} (or {@code BACKSTACK_GITHUB_TOKEN}), {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AZURE_CREDENTIALS} (the service principal JSON on one line).
 */
public final class CredentialSource {

    private CredentialSource() {}

    public static Credentials fromEnvironment(Map<String, String> env) {
        return from(env);
    }

    public static Credentials fromStdin(InputStream in) throws IOException {
        Map<String, String> values = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return from(values);
    }

    private static Credentials from(Map<String, String> v) {
        String github = v.getOrDefault("BACKSTACK_GITHUB_TOKEN", v.get("GITHUB_TOKEN"));
        String awsId = v.get("AWS_ACCESS_KEY_ID");
        String awsKey = v.get("AWS_SECRET_ACCESS_KEY");
        String aws = awsId == null || awsKey == null
                ? null
                : "[default]\naws_access_key_id = " + awsId + "\naws_secret_access_key = " + awsKey + "\n";
        return new Credentials(SecretText.of(github), SecretText.of(aws), SecretText.of(v.get("AZURE_CREDENTIALS")));
    }
}
