package dev.backstack.panel.installer.connect;

import java.nio.file.Path;

/**
 * The TLS and credential material of one context, as read from the kubeconfig: what
 * {@link ClientFactory} needs beyond the fields of {@link ContextEntry}. Relative paths are
 * already resolved against the directory of the file that defines the cluster or user. Data
 * fields hold the kubeconfig's base64 text unchanged. Every field may be null. Immutable, use on
 * any thread; {@link #toString()} never shows the token or the key data.
 *
 * @param clusterSource    the kubeconfig file that defines the cluster
 * @param userSource       the kubeconfig file that defines the user
 * @param caData           {@code certificate-authority-data} (base64 PEM)
 * @param caFile           {@code certificate-authority}
 * @param clientCertData   {@code client-certificate-data} (base64 PEM)
 * @param clientCertFile   {@code client-certificate}
 * @param clientKeyData    {@code client-key-data} (base64 PEM); a secret
 * @param clientKeyFile    {@code client-key}
 * @param token            {@code token}; a secret
 * @param tokenFile        {@code tokenFile}
 * @param proxyUrl         {@code proxy-url}
 * @param tlsServerName    {@code tls-server-name}
 */
public record ConnectionDetails(
        Path clusterSource,
        Path userSource,
        String caData,
        Path caFile,
        String clientCertData,
        Path clientCertFile,
        String clientKeyData,
        Path clientKeyFile,
        String token,
        Path tokenFile,
        String proxyUrl,
        String tlsServerName) {

    /** No TLS material and no credentials. */
    public static ConnectionDetails none() {
        return new ConnectionDetails(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "ConnectionDetails[clusterSource=" + clusterSource + ", userSource=" + userSource
                + ", caData=" + present(caData) + ", caFile=" + caFile
                + ", clientCertData=" + present(clientCertData) + ", clientCertFile=" + clientCertFile
                + ", clientKeyData=" + present(clientKeyData) + ", clientKeyFile=" + clientKeyFile
                + ", token=" + present(token) + ", tokenFile=" + tokenFile
                + ", proxyUrl=" + (proxyUrl == null ? null : Redactor.redact(proxyUrl))
                + ", tlsServerName=" + tlsServerName + "]";
    }

    private static String present(String value) {
        return value == null ? null : Redactor.MASK;
    }
}
