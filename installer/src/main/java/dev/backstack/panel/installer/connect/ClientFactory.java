package dev.backstack.panel.installer.connect;

import dev.backstack.panel.installer.connect.ConnectionException.Reason;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a fabric8 client for one kubeconfig context, explicitly and from that context only:
 * the {@link Config} starts from {@link Config#empty()}, so {@code KUBERNETES_MASTER},
 * {@code KUBERNETES_TRUST_CERTIFICATES}, {@code kubernetes.*} system properties and other
 * kubeconfig files have no effect, and fabric8 never re-reads or rewrites the kubeconfig. Server
 * URLs must be https; anything else is refused, never downgraded. Exec plugins run through the
 * app's {@link ExecCredentialProvider}, never through fabric8. {@code insecure-skip-tls-verify}
 * is honoured but reported in {@link ClusterConnection#warnings()}. The proxy is chosen as kubectl
 * chooses it ({@link ProxySelection}): {@code proxy-url}, else {@code HTTPS_PROXY} and
 * {@code NO_PROXY} from the app's environment, never fabric8's system properties.
 *
 * <p>Thread-safe. {@link #connect} does not touch the network (the exec plugin runs on the first
 * request), but it reads certificate files, so call it off the FX thread.
 */
public final class ClientFactory {

    /**
     * Client timeouts.
     *
     * @param connectTimeout connection timeout (10 s)
     * @param requestTimeout request timeout (30 s)
     * @param requestRetries how often fabric8 retries a failed request (small, so errors show fast)
     * @param exec           exec plugin timing
     */
    public record Settings(
            Duration connectTimeout,
            Duration requestTimeout,
            int requestRetries,
            ExecCredentialProvider.Settings exec) {

        public static Settings defaults() {
            return new Settings(
                    Duration.ofSeconds(10), Duration.ofSeconds(30), 2, ExecCredentialProvider.Settings.defaults());
        }
    }

    private final Map<String, String> appEnv;
    private final LoginShellPath loginShell;
    private final Settings settings;

    /**
     * @param appEnv     the app's environment, inherited by credential plugins; of it, the client only
     *                   uses {@code HTTPS_PROXY}/{@code https_proxy} and {@code NO_PROXY}/{@code no_proxy}
     * @param loginShell the login shell's PATH for finding credential plugins
     * @param settings   timeouts
     */
    public ClientFactory(Map<String, String> appEnv, LoginShellPath loginShell, Settings settings) {
        this.appEnv = Map.copyOf(appEnv);
        this.loginShell = loginShell;
        this.settings = settings;
    }

    /** Default timeouts; the login shell is {@code $SHELL} from {@code appEnv}. */
    public ClientFactory(Map<String, String> appEnv) {
        this(appEnv, new LoginShellPath(appEnv), Settings.defaults());
    }

    /**
     * Builds a client for the context. The caller owns the result and must close it.
     *
     * @throws ConnectionException if the context has problems, its server is not https, or its
     *                             TLS material cannot be loaded
     */
    public ClusterConnection connect(ContextEntry entry) {
        Optional<ExecCredentialProvider> exec = execProvider(entry);
        Config config = config(entry, exec);
        KubernetesClient client;
        try {
            client = new KubernetesClientBuilder()
                    .withConfig(config)
                    .withHttpClientBuilderConsumer(
                            builder -> exec.ifPresent(provider -> builder.addOrReplaceInterceptor(
                                    ExecAuthInterceptor.NAME, new ExecAuthInterceptor(provider))))
                    .build();
        } catch (RuntimeException e) {
            throw new ConnectionException(
                    Reason.TLS_SETUP,
                    "cannot load the TLS certificates" + where(entry)
                            + ": " + Redactor.redact(rootMessage(e))
                            + "; check certificate-authority, client-certificate and client-key",
                    e);
        }
        return new ClusterConnection(entry, client, warningsFor(entry), exec);
    }

    /**
     * The fabric8 configuration for a context, validated; exposed for tests and probes. The exec
     * provider, when given, becomes the token provider.
     */
    Config config(ContextEntry entry, Optional<ExecCredentialProvider> exec) {
        validate(entry);
        Config config = Config.empty();
        config.setMasterUrl(entry.server());
        config.setNamespace(entry.namespace());
        config.setTrustCerts(entry.insecureSkipTlsVerify());
        config.setDisableHostnameVerification(entry.insecureSkipTlsVerify());
        ConnectionDetails details = entry.details();
        TlsMaterial.apply(config, details);
        if (details.token() != null) {
            config.setOauthToken(details.token());
        } else if (details.tokenFile() != null) {
            config.setOauthTokenProvider(new TokenFileProvider(details.tokenFile(), where(entry)));
        } else {
            exec.ifPresent(config::setOauthTokenProvider);
        }
        proxy(entry).ifPresent(proxy -> {
            config.setHttpsProxy(proxy.url());
            config.setProxyUsername(proxy.username());
            config.setProxyPassword(proxy.password());
        });
        config.setConnectionTimeout((int) settings.connectTimeout().toMillis());
        config.setRequestTimeout((int) settings.requestTimeout().toMillis());
        config.setRequestRetryBackoffLimit(settings.requestRetries());
        return config;
    }

    /**
     * The proxy for the context's server, as kubectl picks it: the kubeconfig's {@code proxy-url},
     * else {@code HTTPS_PROXY}/{@code https_proxy} from the app's environment unless
     * {@code NO_PROXY}/{@code no_proxy} or loopback exempts the server (see {@link ProxySelection}).
     */
    Optional<ProxySelection.Proxy> proxy(ContextEntry entry) {
        try {
            return ProxySelection.choose(entry.server(), entry.details().proxyUrl(), appEnv);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(
                    Reason.INVALID_CONTEXT, e.getMessage() + where(entry) + ". Fix or unset it, then reload.");
        }
    }

    private static void validate(ContextEntry entry) {
        if (!entry.server().isBlank()) {
            ContextResolver.serverProblem(entry.server()).ifPresent(problem -> {
                throw new ConnectionException(Reason.INSECURE_URL, describe(entry) + ": " + problem);
            });
        }
        if (!entry.usable()) {
            throw new ConnectionException(
                    Reason.INVALID_CONTEXT,
                    describe(entry) + " cannot be used: " + String.join("; ", entry.problems())
                            + ". Fix the kubeconfig, then reload it.");
        }
        ContextResolver.serverProblem(entry.server()).ifPresent(problem -> {
            throw new ConnectionException(Reason.INVALID_CONTEXT, describe(entry) + ": " + problem);
        });
    }

    private Optional<ExecCredentialProvider> execProvider(ContextEntry entry) {
        validate(entry);
        ConnectionDetails details = entry.details();
        if (details.token() != null || details.tokenFile() != null) {
            return Optional.empty();
        }
        return entry.exec()
                .map(spec -> new ExecCredentialProvider(
                        spec, Optional.of(clusterInfo(entry)), where(entry), appEnv, loginShell, settings.exec()));
    }

    private static ExecCredentialProvider.ClusterInfo clusterInfo(ContextEntry entry) {
        ConnectionDetails details = entry.details();
        String caData = details.caData();
        if (caData == null && details.caFile() != null) {
            caData = readBase64(details.caFile());
        }
        return new ExecCredentialProvider.ClusterInfo(
                entry.server(), details.tlsServerName(), entry.insecureSkipTlsVerify(), caData, details.proxyUrl());
    }

    private static String readBase64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** What the user must be told before using this context; empty for a clean context. */
    public static List<String> warningsFor(ContextEntry entry) {
        List<String> warnings = new ArrayList<>();
        if (entry.insecureSkipTlsVerify()) {
            warnings.add("TLS verification is switched off for cluster `" + entry.clusterName() + "` ("
                    + "insecure-skip-tls-verify: true, " + describe(entry) + "): the panel cannot tell the real"
                    + " API server from an impostor. Only continue on a network you trust; better, add the"
                    + " cluster's CA (certificate-authority-data) to the kubeconfig.");
        }
        ConnectionDetails details = entry.details();
        if (entry.exec().isPresent() && (details.token() != null || details.tokenFile() != null)) {
            warnings.add("user `" + entry.user() + "` has both a token and an exec plugin; the token is used and the"
                    + " plugin is not run (as kubectl does)");
        }
        return warnings;
    }

    static String where(ContextEntry entry) {
        return " for " + describe(entry);
    }

    static String describe(ContextEntry entry) {
        return "context `" + entry.name() + "` in " + entry.source();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
