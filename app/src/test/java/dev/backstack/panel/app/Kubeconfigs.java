package dev.backstack.panel.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Kubeconfigs and credential plugins written for the failure tests: one context {@code hub}, cluster {@code c}, user {@code u}. */
final class Kubeconfigs {

    private Kubeconfigs() {}

    /** The kubeconfig's text; {@code user} is the user's body, indented by four spaces. */
    static String text(String server, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: hub
                clusters:
                - name: c
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: hub
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user:
                %s
                """.formatted(server, user.stripTrailing());
    }

    /** A user body that runs {@code command} as its credential plugin, without a terminal. */
    static String exec(String command) {
        return """
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never
                """.formatted(command);
    }

    static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        return file;
    }

    /** An executable shell script: a stand-in credential plugin. */
    static Path script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
