package dev.backstack.panel.bench.startup;

import dev.backstack.panel.bench.common.Results;
import dev.backstack.panel.bench.common.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the startup time goes, from the JVM's own class-loading log ({@code -Xlog:class+load}
 * with uptime): for the dashboard, JVM start to {@code main}, logging set-up (first SLF4J class to
 * {@code javafx.application.Application}), toolkit start (to the first AtlantaFX class, i.e.
 * PanelApp.start), and start() to the first frame; for the bare window, JVM start to main and
 * main to the first frame; and how many classes each loaded before its first frame, by origin.
 * The log itself costs a little, so these runs are not the benchmark's figures.
 *
 * <p>Arguments: {@code [--runs N]} (default 5 of each). Needs DISPLAY, like {@link StartupBench}.
 */
public final class StartupPhases {

    private static final Pattern LOAD = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*? (\\S+) source: (.*)$");
    private static final Pattern FRAME = Pattern.compile("First frame (\\d+) ms after JVM start");

    record Load(double millis, String name, String source) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5;
        Results out = new Results("startup-phases");
        out.header("startup phases from -Xlog:class+load (medians of " + runs + " runs each)");
        Map<String, List<Double>> dash = new LinkedHashMap<>();
        Map<String, List<Double>> bare = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            phases(run("dev.backstack.panel.app.Launcher", List.of("--demo")), true)
                    .forEach((k, v) ->
                            dash.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            phases(run(BareWindowLauncher.class.getName(), List.of()), false)
                    .forEach((k, v) ->
                            bare.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        dash.forEach((k, v) -> out.line("dashboard  %-58s %7.0f", k, Stats.of(v).median()));
        bare.forEach((k, v) -> out.line("bare       %-58s %7.0f", k, Stats.of(v).median()));
    }

    record Child(List<Load> loads, long frameMillis) {}

    static Child run(String mainClass, List<String> appArgs) throws Exception {
        Path log = Files.createTempFile("class-load", ".log");
        List<String> cmd = new ArrayList<>(List.of(
                StartupBench.javaLauncher(),
                "@" + java.nio.file.Path.of("app/src/package/jvm.options").toAbsolutePath(),
                "-Xlog:class+load:file=" + log + ":uptime",
                "-Dpanel.exitAfterFirstFrame=true",
                "-cp",
                System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(appArgs);
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long frame = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = FRAME.matcher(line);
                if (frame < 0 && m.find()) {
                    frame = Long.parseLong(m.group(1));
                }
            }
        } catch (IOException e) {
            // the child ended
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        List<Load> loads = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOAD.matcher(line);
            if (m.find()) {
                loads.add(new Load(Double.parseDouble(m.group(1)) * 1000, m.group(2), m.group(3)));
            }
        }
        Files.deleteIfExists(log);
        if (frame < 0) {
            throw new IllegalStateException(mainClass + " reported no first frame");
        }
        return new Child(loads, frame);
    }

    static Map<String, Double> phases(Child c, boolean dashboard) {
        Map<String, Double> out = new LinkedHashMap<>();
        double main = first(c, dashboard ? "dev.backstack.panel.app.Launcher" : BareWindowLauncher.class.getName());
        double app = first(c, "javafx.application.Application");
        out.put("JVM start -> main class loaded (ms)", main);
        if (dashboard) {
            double slf4j = first(c, "org.slf4j.");
            double theme = first(c, "atlantafx.");
            out.put("main -> first SLF4J class (ms)", slf4j - main);
            out.put("logging set-up: first SLF4J class -> Application (ms)", app - slf4j);
            out.put("toolkit start: Application -> PanelApp.start (ms)", theme - app);
            out.put("PanelApp.start -> first frame (ms)", c.frameMillis() - theme);
        } else {
            out.put("main -> Application class loaded (ms)", app - main);
            out.put("Application -> first frame (ms)", c.frameMillis() - app);
        }
        out.put("first frame, JVM uptime (ms)", (double) c.frameMillis());
        List<Load> before =
                c.loads().stream().filter(l -> l.millis() <= c.frameMillis()).toList();
        out.put("classes loaded before the first frame", (double) before.size());
        out.put("  of them from the CDS archive (JDK)", (double)
                before.stream().filter(l -> l.source().startsWith("shared")).count());
        out.put("  of them from jrt (JDK, not archived)", (double)
                before.stream().filter(l -> l.source().startsWith("jrt")).count());
        out.put("  of them generated at run time (lambdas, method handles)", (double) before.stream()
                .filter(l -> !l.source().startsWith("shared")
                        && !l.source().startsWith("jrt")
                        && !l.source().startsWith("file:"))
                .count());
        for (String jar : List.of(
                "javafx-",
                "logback",
                "slf4j",
                "atlantafx",
                "controlsfx",
                "app-",
                "views-",
                "installer-",
                "model-",
                "kubernetes-",
                "jackson")) {
            long n = before.stream().filter(l -> l.source().contains("/" + jar)).count();
            if (n > 0) {
                out.put("  of them from " + jar + "*.jar", (double) n);
            }
        }
        return out;
    }

    private static double first(Child c, String prefix) {
        return c.loads().stream()
                .filter(l -> l.name().startsWith(prefix))
                .mapToDouble(Load::millis)
                .findFirst()
                .orElse(Double.NaN);
    }
}
