package dev.backstack.panel.bench.startup;

import dev.backstack.panel.bench.common.Machine;
import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup benchmark: process start to first frame of the dashboard on the demo fleet
 * ({@code Launcher --demo}) against a bare JavaFX window ({@link BareWindowLauncher}), both on a
 * real X display (Xvfb; DISPLAY must be set), alternating, same JVM flags and class path (this
 * JVM's). The harness clock starts at System.nanoTime() just before ProcessBuilder.start() and
 * stops when the child's "First frame" line arrives on its stderr; the child's own "N ms after
 * JVM start" is recorded too. Every child runs with -Dpanel.exitAfterFirstFrame=true.
 *
 * <p>Arguments: {@code [--runs N] [--warmup N] [--jvm-arg ARG]... [--images PANEL_LAUNCHER BARE_LAUNCHER]}.
 * With {@code --images} the two children are native app images (jpackage, see docs/packaging.md
 * and run.sh's {@code startup-image}) started through their launchers, each with the JVM options of
 * its own image; {@code --jvm-arg}s and -Dpanel.exitAfterFirstFrame=true then go through
 * JAVA_TOOL_OPTIONS. Target: dashboard median at most 1.2 x the bare window's.
 */
public final class StartupBench {

    private static final Pattern FIRST_FRAME = Pattern.compile("First frame (\\d+) ms after JVM start");
    private static final String DASHBOARD = "dev.backstack.panel.app.Launcher";
    private static final String BARE = BareWindowLauncher.class.getName();

    record Run(String what, long harnessMillis, long childMillis, long exitMillis, boolean exited) {}

    /** The two app images' launchers ({@code --images}), or null: java -cp with this JVM's class path. */
    private static String panelImage;

    private static String bareImage;

    public static void main(String[] args) throws Exception {
        int runs = 12;
        int warmup = 2;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--images" -> {
                    panelImage = args[++i];
                    bareImage = args[++i];
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (panelImage == null) {
            // the README's start command's options, for both windows
            jvmArgs.add(
                    0,
                    "@" + java.nio.file.Path.of("app/src/package/jvm.options").toAbsolutePath());
        }
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("DISPLAY is not set: start Xvfb (run.sh does)");
        }
        Results out = new Results("startup");
        out.header(
                panelImage == null
                        ? "startup: first frame, dashboard (--demo) vs bare window"
                        : "startup: first frame, app images: dashboard (--demo) vs bare window");
        if (panelImage != null) {
            out.line("images: %s vs %s", panelImage, bareImage);
        }
        out.line(
                "child JVM args: %s, DISPLAY=%s; %d warm-up pairs discarded, %d measured pairs, alternating "
                        + "(pairs 0, 2, 4... bare window first, the others dashboard first)",
                jvmArgs, System.getenv("DISPLAY"), warmup, runs);
        for (int i = 0; i < warmup; i++) {
            launch(BARE, List.of(), jvmArgs);
            launch(DASHBOARD, List.of("--demo"), jvmArgs);
        }
        List<Run> bare = new ArrayList<>();
        List<Run> dash = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            boolean bareFirst = i % 2 == 0;
            Run a = bareFirst ? launch(BARE, List.of(), jvmArgs) : launch(DASHBOARD, List.of("--demo"), jvmArgs);
            Run b = bareFirst ? launch(DASHBOARD, List.of("--demo"), jvmArgs) : launch(BARE, List.of(), jvmArgs);
            Run br = bareFirst ? a : b;
            Run dr = bareFirst ? b : a;
            bare.add(br);
            dash.add(dr);
            for (Run r : List.of(br, dr)) {
                out.sample(
                        "%d\t%s\t%d\t%d\t%d\t%b\t%s",
                        i,
                        r.what(),
                        r.harnessMillis(),
                        r.childMillis(),
                        r.exitMillis(),
                        r.exited(),
                        Machine.loadAverage());
            }
            out.line(
                    "pair %2d: bare %5d ms (child %5d)  dashboard %5d ms (child %5d)  ratio %.2f  load %s",
                    i,
                    br.harnessMillis(),
                    br.childMillis(),
                    dr.harnessMillis(),
                    dr.childMillis(),
                    (double) dr.harnessMillis() / br.harnessMillis(),
                    Machine.loadAverage());
        }
        Stats bh = Stats.of(bare.stream().map(Run::harnessMillis).toList());
        Stats dh = Stats.of(dash.stream().map(Run::harnessMillis).toList());
        Stats bc = Stats.of(bare.stream().map(Run::childMillis).toList());
        Stats dc = Stats.of(dash.stream().map(Run::childMillis).toList());
        List<Double> pairRatios = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            pairRatios.add((double) dash.get(i).harnessMillis() / bare.get(i).harnessMillis());
        }
        out.line(
                "bare window, harness (launch -> line): median %.0f ms, min %.0f, max %.0f",
                bh.median(), bh.min(), bh.max());
        out.line(
                "bare window, child (JVM start -> frame): median %.0f ms, min %.0f, max %.0f",
                bc.median(), bc.min(), bc.max());
        out.line(
                "dashboard,   harness (launch -> line): median %.0f ms, min %.0f, max %.0f",
                dh.median(), dh.min(), dh.max());
        out.line(
                "dashboard,   child (JVM start -> frame): median %.0f ms, min %.0f, max %.0f",
                dc.median(), dc.min(), dc.max());
        out.line(
                "ratio of medians (harness): %.2f; (child figures): %.2f; median of per-pair ratios: %.2f; target <= 1.20: %s",
                dh.median() / bh.median(),
                dc.median() / bc.median(),
                Stats.of(pairRatios).median(),
                dh.median() / bh.median() <= 1.2 ? "MET" : "MISSED");
        long notExited = dash.stream().filter(r -> !r.exited()).count()
                + bare.stream().filter(r -> !r.exited()).count();
        if (notExited > 0) {
            out.line("note: %d children did not exit within 20 s after their first frame and were killed", notExited);
        }
    }

    /** Starts one child and waits for its first-frame line and its exit. */
    static Run launch(String mainClass, List<String> appArgs, List<String> jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        List<String> toolOptions = new ArrayList<>();
        if (panelImage != null) {
            cmd.add(mainClass.equals(DASHBOARD) ? panelImage : bareImage);
            toolOptions.addAll(jvmArgs);
            toolOptions.add("-Dpanel.exitAfterFirstFrame=true");
        } else {
            cmd.add(javaLauncher());
            cmd.addAll(jvmArgs);
            cmd.add("-Dpanel.exitAfterFirstFrame=true");
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(mainClass);
        }
        cmd.addAll(appArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (!toolOptions.isEmpty()) {
            pb.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", toolOptions));
        }
        CompletableFuture<long[]> frame = new CompletableFuture<>();
        List<String> head = new ArrayList<>();
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            Matcher m = FIRST_FRAME.matcher(line);
                            if (!frame.isDone() && m.find()) {
                                frame.complete(new long[] {System.nanoTime(), Long.parseLong(m.group(1))});
                            } else if (head.size() < 40) {
                                head.add(line);
                            }
                        }
                    } catch (IOException e) {
                        frame.completeExceptionally(e);
                    }
                    frame.completeExceptionally(new IllegalStateException(
                            "no first-frame line; stderr began:\n" + String.join("\n", head)));
                },
                "stderr-" + mainClass);
        reader.setDaemon(true);
        reader.start();
        long[] seen;
        try {
            seen = frame.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw e;
        }
        boolean exited = p.waitFor(20, TimeUnit.SECONDS);
        long exitNanos = System.nanoTime();
        if (!exited) {
            p.destroyForcibly().waitFor();
        }
        String what = mainClass.equals(DASHBOARD) ? "dashboard" : "bare";
        return new Run(what, (seen[0] - t0) / 1_000_000, seen[1], (exitNanos - t0) / 1_000_000, exited);
    }

    /** The java launcher of the running JVM. */
    static String javaLauncher() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString();
    }
}
