package dev.backstack.panel.installer.connect;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/** Puts a context's CA and client certificate into a fabric8 Config, detecting the key algorithm. */
final class TlsMaterial {

    private TlsMaterial() {}

    static void apply(Config config, ConnectionDetails details) {
        if (details.caData() != null) {
            config.setCaCertData(details.caData());
        } else if (details.caFile() != null) {
            config.setCaCertFile(details.caFile().toString());
        }
        if (details.clientCertData() != null) {
            config.setClientCertData(details.clientCertData());
        } else if (details.clientCertFile() != null) {
            config.setClientCertFile(details.clientCertFile().toString());
        }
        byte[] keyPem = null;
        if (details.clientKeyData() != null) {
            config.setClientKeyData(details.clientKeyData());
            keyPem = Yaml.decodeBase64(details.clientKeyData());
        } else if (details.clientKeyFile() != null) {
            config.setClientKeyFile(details.clientKeyFile().toString());
            keyPem = read(details.clientKeyFile());
        }
        if (keyPem != null) {
            config.setClientKeyAlgo(keyAlgorithm(new String(keyPem, StandardCharsets.US_ASCII)));
        }
    }

    /** RSA or EC, from the PEM header or, for PKCS#8, by trying both; RSA when unknown (fabric8's default). */
    static String keyAlgorithm(String pem) {
        if (pem.contains("BEGIN EC PRIVATE KEY")) {
            return "EC";
        }
        if (!pem.contains("BEGIN PRIVATE KEY")) {
            return "RSA";
        }
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return "RSA";
        }
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                return algorithm;
            } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
                // try the next one
            }
        }
        return "RSA";
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }
}
