package dev.backstack.panel.installer.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class LoginShellPathTest {

    @TempDir
    Path tmp;

    /** A fake login shell: prints a banner (as rc files do), sets PATH, then runs the -c script. */
    private Path fakeShell(String extra) {
        return Fixtures.script(tmp, "fake-shell", """
                n=$(cat "$COUNTER" 2>/dev/null || echo 0)
                echo $((n + 1)) > "$COUNTER"
                echo "Welcome! You have mail."
                """ + extra + """
                PATH=/opt/login/bin:/usr/local/bin:/usr/bin
                export PATH
                [ "$1" = "-l" ] && [ "$2" = "-c" ] || exit 2
                exec /bin/sh -c "$3"
                """);
    }

    @Test
    void readsThePathOfTheLoginShellIgnoringBannerOutput() {
        Path shell = fakeShell("");
        LoginShellPath path = new LoginShellPath(Map.of(
                "SHELL", shell.toString(), "COUNTER", tmp.resolve("counter").toString(), "PATH", "/usr/bin:/bin"));

        assertThat(path.get()).contains("/opt/login/bin:/usr/local/bin:/usr/bin");
    }

    @Test
    void asksTheShellOnlyOnce() {
        Path shell = fakeShell("");
        LoginShellPath path = new LoginShellPath(Map.of(
                "SHELL", shell.toString(), "COUNTER", tmp.resolve("counter").toString(), "PATH", "/usr/bin:/bin"));

        path.get();
        path.get();

        assertThat(Fixtures.count(tmp.resolve("counter"))).isEqualTo(1);
    }

    @Test
    void givesUpOnASlowShellWithinTheTimeout() {
        Path shell = fakeShell("sleep 20\n");
        LoginShellPath path = new LoginShellPath(
                Map.of(
                        "SHELL",
                        shell.toString(),
                        "COUNTER",
                        tmp.resolve("counter").toString(),
                        "PATH",
                        "/usr/bin:/bin"),
                Duration.ofMillis(300));

        long start = System.nanoTime();
        assertThat(path.get()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void toleratesMissingOrBrokenShell() {
        assertThat(new LoginShellPath(Map.of()).get()).isEmpty();
        assertThat(new LoginShellPath(
                                Map.of("SHELL", tmp.resolve("no-such-shell").toString()))
                        .get())
                .isEmpty();
        Path failing = Fixtures.script(tmp, "failing-shell", "exit 1");
        assertThat(new LoginShellPath(Map.of("SHELL", failing.toString())).get())
                .isEmpty();
    }
}
