package dev.backstack.panel.app.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds kube-apiserver and etcd: {@code $KUBE_BINARIES_DIR}, else the project's
 * {@code tools/kube-binaries/build.sh} (cached per version; builds them with Go the first time).
 */
final class KubeBinaries {

    /** Exit code of build.sh when this machine cannot build them (no Go, too old, not Linux). */
    static final int CANNOT_BUILD = 3;

    record Result(Optional<Path> dir, String problem, boolean buildable) {}

    private KubeBinaries() {}

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("tools/kube-binaries/build.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("tools/kube-binaries/build.sh not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Result locate() {
        String fromEnv = System.getenv("KUBE_BINARIES_DIR");
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path dir = Path.of(fromEnv);
            return Files.isExecutable(dir.resolve("kube-apiserver")) && Files.isExecutable(dir.resolve("etcd"))
                    ? new Result(Optional.of(dir), "", true)
                    : new Result(
                            Optional.empty(),
                            "KUBE_BINARIES_DIR=" + fromEnv + " holds no kube-apiserver and etcd",
                            true);
        }
        Path root = projectRoot();
        Path log = root.resolve("app/target/kube-binaries-build.log");
        try {
            Files.createDirectories(log.getParent());
            Process p = new ProcessBuilder(List.of(
                            "bash", root.resolve("tools/kube-binaries/build.sh").toString()))
                    .redirectError(log.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return new Result(
                        Optional.empty(), "building the binaries took over 60 minutes (log: " + log + ")", true);
            }
            if (p.exitValue() == 0 && !out.isEmpty()) {
                return new Result(
                        Optional.of(Path.of(out.lines().reduce((a, b) -> b).orElseThrow())), "", true);
            }
            String tail = Files.readAllLines(log).stream().reduce((a, b) -> b).orElse("");
            return new Result(
                    Optional.empty(),
                    "tools/kube-binaries/build.sh exited " + p.exitValue() + ": " + tail + " (log: " + log + ")",
                    p.exitValue() != CANNOT_BUILD);
        } catch (IOException e) {
            return new Result(Optional.empty(), "cannot run tools/kube-binaries/build.sh: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Optional.empty(), "interrupted while building the binaries", true);
        }
    }
}
