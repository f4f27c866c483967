package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Resolves the user of a context: static token, token file, client certificate or exec plugin. */
final class UserResolver {

    static final Set<String> EXEC_API_VERSIONS =
            Set.of("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1");

    record UserPart(
            Path source,
            String token,
            Path tokenFile,
            String certData,
            Path certFile,
            String keyData,
            Path keyFile,
            Optional<ExecSpec> exec) {}

    private static final UserPart ANONYMOUS = new UserPart(null, null, null, null, null, null, null, Optional.empty());

    private final Map<String, NamedEntry> users;

    UserResolver(Map<String, NamedEntry> users) {
        this.users = users;
    }

    UserPart resolve(String name, List<String> problems) {
        if (name.isEmpty()) {
            return ANONYMOUS;
        }
        NamedEntry entry = users.get(name);
        if (entry == null) {
            problems.add("user `" + name + "` is not defined in any of the kubeconfig files");
            return ANONYMOUS;
        }
        if (entry.body() == null || !entry.body().isObject()) {
            problems.add(entry.describe("user") + " has no `user:` section");
            return ANONYMOUS;
        }
        String where = entry.describe("user") + ": ";
        String certData = ContextResolver.emptyToNull(entry.text("client-certificate-data"));
        String keyData = ContextResolver.emptyToNull(entry.text("client-key-data"));
        Path certFile = certData == null ? entry.path("client-certificate") : null;
        Path keyFile = keyData == null ? entry.path("client-key") : null;
        Path tokenFile = entry.path("tokenFile");
        checkData(certData, "client-certificate-data", where, problems);
        checkData(keyData, "client-key-data", where, problems);
        checkFile(certFile, "client-certificate", where, problems);
        checkFile(keyFile, "client-key", where, problems);
        checkFile(tokenFile, "tokenFile", where, problems);
        boolean hasCert = certData != null || certFile != null;
        boolean hasKey = keyData != null || keyFile != null;
        if (hasCert != hasKey) {
            problems.add(where + "a client certificate needs both the certificate and the key; one of them is missing");
        }
        Optional<ExecSpec> exec = exec(entry, where, problems);
        String token = ContextResolver.emptyToNull(entry.text("token"));
        boolean hasCredential = token != null || tokenFile != null || hasCert || exec.isPresent();
        legacyProblems(entry, where, hasCredential, problems);
        return new UserPart(entry.file(), token, tokenFile, certData, certFile, keyData, keyFile, exec);
    }

    private static void checkData(String data, String field, String where, List<String> problems) {
        if (data != null && Yaml.decodeBase64(data) == null) {
            problems.add(where + field + " is not valid base64");
        }
    }

    private static void checkFile(Path file, String field, String where, List<String> problems) {
        if (file != null) {
            ContextResolver.fileProblem(file, field).ifPresent(p -> problems.add(where + p));
        }
    }

    private static void legacyProblems(NamedEntry entry, String where, boolean hasCredential, List<String> problems) {
        JsonNode authProvider = entry.body().get("auth-provider");
        if (authProvider != null && authProvider.isObject()) {
            problems.add(where + "uses the legacy auth-provider `" + Yaml.text(authProvider, "name")
                    + "`, which the panel does not support; switch the user to an exec credential plugin"
                    + " (for OIDC: kubelogin, for GKE: gke-gcloud-auth-plugin, for AKS: kubelogin)");
        } else if (!hasCredential && !entry.text("username").isEmpty()) {
            problems.add(where + "uses username/password (basic auth), which Kubernetes removed in 1.19 and the"
                    + " panel does not send; use a token, a client certificate or an exec plugin");
        }
    }

    private static Optional<ExecSpec> exec(NamedEntry entry, String where, List<String> problems) {
        JsonNode exec = entry.body().get("exec");
        if (exec == null || exec.isNull()) {
            return Optional.empty();
        }
        String command = Yaml.text(exec, "command");
        String apiVersion = Yaml.text(exec, "apiVersion");
        int before = problems.size();
        if (command.isEmpty()) {
            problems.add(where + "the exec section has no command");
        }
        if (!EXEC_API_VERSIONS.contains(apiVersion)) {
            problems.add(where + "exec apiVersion `" + apiVersion + "` is not supported; use "
                    + "client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1");
        }
        if ("Always".equals(Yaml.text(exec, "interactiveMode"))) {
            problems.add(where + "the exec plugin requires an interactive terminal (interactiveMode: Always),"
                    + " which the panel cannot provide; use interactiveMode: IfAvailable or Never");
        }
        Map<String, String> env = env(exec, where, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ExecSpec(
                apiVersion,
                resolveCommand(command, entry.baseDir()),
                Yaml.strings(exec, "args"),
                env,
                Yaml.text(exec, "installHint"),
                Yaml.flag(exec, "provideClusterInfo"),
                entry.baseDir()));
    }

    private static Map<String, String> env(JsonNode exec, String where, List<String> problems) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode list = exec.get("env");
        if (list == null || list.isNull()) {
            return env;
        }
        if (!list.isArray()) {
            problems.add(where + "exec env must be a list of {name, value}");
            return env;
        }
        for (JsonNode item : list) {
            String name = Yaml.text(item, "name");
            if (name.isEmpty()) {
                problems.add(where + "an exec env entry has no name");
            } else {
                env.put(name, Yaml.text(item, "value"));
            }
        }
        return env;
    }

    /** kubectl's rule: a command with a path separator that is not absolute is relative to the file. */
    static String resolveCommand(String command, Path baseDir) {
        boolean hasSeparator = command.contains("/") || command.contains(java.io.File.separator);
        if (!hasSeparator || Path.of(command).isAbsolute()) {
            return command;
        }
        return baseDir.resolve(command).normalize().toString();
    }
}
