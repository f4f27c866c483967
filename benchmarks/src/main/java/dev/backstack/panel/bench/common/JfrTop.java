package dev.backstack.panel.bench.common;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one thread spent its time in a JFR recording: execution samples of threads whose name
 * contains the given text, counted by top frame (self) and by every method on the stack
 * (inclusive); with {@code --alloc}, allocation samples weighted by bytes instead. How the
 * profiles in docs/benchmarks.md were read, e.g.
 * {@code java -cp "$CP" dev.backstack.panel.bench.common.JfrTop scale.jfr fleet-store}.
 * Under Monocle the FX thread starts as "Event Thread" (JFR keeps the first name).
 *
 * <p>Arguments: {@code FILE THREAD [--alloc] [--top N] [--match TEXT]} (--match: only methods
 * whose class and name contain TEXT in the inclusive list, e.g. {@code dev.backstack}).
 */
public final class JfrTop {

    private JfrTop() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String thread = args[1];
        boolean alloc = List.of(args).contains("--alloc");
        int top = List.of(args).contains("--top")
                ? Integer.parseInt(args[List.of(args).indexOf("--top") + 1])
                : 25;
        String match = List.of(args).contains("--match") ? args[List.of(args).indexOf("--match") + 1] : "";
        Map<String, Double> self = new HashMap<>();
        Map<String, Double> inclusive = new HashMap<>();
        double total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (!(alloc ? type.equals("jdk.ObjectAllocationSample") : type.equals("jdk.ExecutionSample"))) {
                continue;
            }
            var t = alloc ? e.getThread("eventThread") : e.getThread("sampledThread");
            if (t == null
                    || t.getJavaName() == null
                    || !t.getJavaName().contains(thread)
                    || e.getStackTrace() == null) {
                continue;
            }
            double weight = alloc ? e.getLong("weight") : 1;
            total += weight;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), weight, Double::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                if (name(f).contains(match) && seen.add(name(f))) {
                    inclusive.merge(name(f), weight, Double::sum);
                }
            }
        }
        String unit = alloc ? "MB" : "samples";
        double scale = alloc ? 1e6 : 1;
        System.out.printf("%s: %.0f %s in threads named *%s*%n", file, total / scale, unit, thread);
        print("self", self, top, total, scale);
        print("inclusive", inclusive, top, total, scale);
    }

    private static void print(String title, Map<String, Double> counts, int top, double total, double scale) {
        System.out.println("-- " + title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(top)
                .forEach(c -> System.out.printf(
                        "%10.0f %5.1f%%  %s%n", c.getValue() / scale, 100 * c.getValue() / total, c.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
