package dev.backstack.panel.installer.helm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM for {@link HelmJavaDriverTest}: templates the test chart (which makes helm-java take
 * the shutdown signals), touches {@code <dir>/ready}, and waits; its shutdown hook touches
 * {@code <dir>/hook}.
 */
final class SignalProbe {

    private SignalProbe() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> touch(dir.resolve("hook"))));
        new HelmJavaDriver()
                .template(new HelmRelease(
                        "probe",
                        "default",
                        new ChartRef("hello", HelmJavaDriverTest.helloChart().toString(), "0.1.0"),
                        Map.of()));
        touch(dir.resolve("ready"));
        Thread.sleep(60_000);
    }

    private static void touch(Path file) {
        try {
            Files.writeString(file, "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
