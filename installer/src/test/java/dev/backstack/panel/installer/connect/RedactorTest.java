package dev.backstack.panel.installer.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    @ParameterizedTest(name = "masks {1} in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Authorization: Bearer abc123.def456                                  | abc123.def456
            got header authorization=Basic dXNlcjpwYXNzd29yZA==                  | dXNlcjpwYXNzd29yZA==
            retrying with bearer s3cr3t-token-value                              | s3cr3t-token-value
            token: plain-token-value                                             | plain-token-value
            {"kind":"ExecCredential","status":{"token":"json-token-value"}}      | json-token-value
            {"token" : "spaced-json-token"}                                      | spaced-json-token
            password=hunter2hunter2                                              | hunter2hunter2
            db_password: 'quoted-pw'                                             | quoted-pw
            client-key-data: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t                | LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t
            aws_secret_access_key=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY | wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
            plugin --token tok-from-argv --verbose                               | tok-from-argv
            plugin --client-secret=flag-secret                                   | flag-secret
            my github token is ghp_TESTxxxxxxxxxxxxxxxx ok                       | ghp_TESTxxxxxxxxxxxxxxxx
            fine-grained github_pat_11ABCDEFG_0123456789abcdef                   | github_pat_11ABCDEFG_0123456789abcdef
            oauth gho_16C7e42F292c6912E7710c838347Ae178B4a | gho_16C7e42F292c6912E7710c838347Ae178B4a
            key AKIAIOSFODNN7EXAMPLE leaked                                      | AKIAIOSFODNN7EXAMPLE
            jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJl here | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZSJ9.c2lnbmF0dXJl
            proxy https://alice:pr0xy-pw@proxy.example:3128                      | pr0xy-pw
            """)
    void masksSecrets(String text, String secret) {
        String redacted = Redactor.redact(text);

        assertThat(redacted).doesNotContain(secret).contains(Redactor.MASK);
    }

    @Test
    void masksPemPrivateKeyBlocksButKeepsTheMarkers() {
        String text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7secretbody\nabc==\n"
                + "-----END RSA PRIVATE KEY-----\ncert follows";

        assertThat(Redactor.redact(text))
                .doesNotContain("MIIEpAIBAAKCAQEA7secretbody")
                .doesNotContain("abc==")
                .contains("BEGIN RSA PRIVATE KEY")
                .contains("cert follows");
    }

    @Test
    void masksTruncatedPemPrivateKeyBlock() {
        assertThat(Redactor.redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS"))
                .doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAAS");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "credential plugin `aws` failed (exit 255): could not connect to the endpoint URL",
                "cluster `prod` (in /home/me/.kube/config): server https://10.0.0.1:6443",
                "expirationTimestamp: 2030-01-01T00:00:00Z",
                "",
            })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void isIdempotent() {
        String text = "Authorization: Bearer abc; token: t1; {\"password\":\"p\"}; https://u:p@h:1; ghp_x1; --token t2";
        String once = Redactor.redact(text);

        assertThat(Redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void keepsNull() {
        assertThat(Redactor.redact(null)).isNull();
    }
}
