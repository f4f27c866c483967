package dev.backstack.panel.bench.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where a benchmark writes what it measured: every line goes to stdout and is appended to
 * {@code <bench.results>/<name>.txt} (default {@code benchmarks/results}), so run.sh leaves one
 * readable file per benchmark next to the raw samples ({@code <name>-samples.tsv}).
 */
public final class Results {

    private final Path summary;
    private final Path samples;

    public Results(String name) {
        Path dir = Path.of(System.getProperty("bench.results", "benchmarks/results"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.summary = dir.resolve(name + ".txt");
        this.samples = dir.resolve(name + "-samples.tsv");
    }

    /** A line of the summary. */
    public void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        append(summary, text);
    }

    /** A header line with the time and the machine, once per run. */
    public void header(String title) {
        line("");
        line("== %s, %s", title, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        line("machine: %s", Machine.describe());
    }

    /** One raw sample row (tab-separated), not printed. */
    public void sample(String format, Object... args) {
        append(samples, String.format(Locale.ROOT, format, args));
    }

    private static synchronized void append(Path file, String text) {
        try {
            Files.writeString(
                    file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
