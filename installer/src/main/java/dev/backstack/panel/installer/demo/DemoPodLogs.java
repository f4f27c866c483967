package dev.backstack.panel.installer.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a demo pod's container would have written, derived from the pod's simulated status: a
 * crash-looping container (its last state terminated) logs the crash, both for its current run
 * and for the previous one; a running container logs plausible start-up lines of its program; a
 * container still waiting to start has no log, as on a real cluster. Pure; any thread.
 */
final class DemoPodLogs {

    /** A log, or the API server's refusal (400, its message). */
    sealed interface Answer permits Log, Refusal {}

    record Log(List<String> lines) implements Answer {}

    record Refusal(String message) implements Answer {}

    private DemoPodLogs() {}

    /**
     * @param pod       the pod as stored ({@code metadata}, {@code spec}, {@code status} maps)
     * @param container the requested container, or null for the pod's first
     * @param previous  the previous, terminated run of the container ({@code ?previous=true})
     */
    static Answer of(String name, Map<?, ?> spec, Map<?, ?> status, String container, boolean previous) {
        List<String> containers = containerNames(spec);
        String c = container == null ? (containers.isEmpty() ? "main" : containers.get(0)) : container;
        if (!containers.isEmpty() && !containers.contains(c)) {
            return new Refusal("container " + c + " is not valid for pod " + name);
        }
        Map<?, ?> cs = containerStatus(status, c);
        Map<?, ?> terminated = map(map(cs.get("lastState")).get("terminated"));
        Map<?, ?> waiting = map(map(cs.get("state")).get("waiting"));
        boolean crashed = !terminated.isEmpty();
        if (previous) {
            return crashed
                    ? new Log(crash(name, c, terminated, 1))
                    : new Refusal("previous terminated container \"" + c + "\" in pod \"" + name + "\" not found");
        }
        if (crashed) {
            return new Log(crash(name, c, terminated, 0));
        }
        if (!waiting.isEmpty() || map(cs.get("state")).isEmpty()) {
            String reason = String.valueOf(waiting.isEmpty() ? "ContainerCreating" : waiting.get("reason"));
            return new Refusal("container \"" + c + "\" in pod \"" + name + "\" is waiting to start: " + reason);
        }
        return new Log(startup(name, c));
    }

    /** A webhook server that cannot start: the crash in the container's last terminated state. */
    private static List<String> crash(String pod, String container, Map<?, ?> terminated, int runsAgo) {
        String at = "2026-11-23T08:0" + (4 - Math.min(runsAgo, 4)) + ":1";
        String reason =
                String.valueOf(terminated.containsKey("message") ? terminated.get("message") : "the program exited");
        List<String> lines = new ArrayList<>();
        lines.add(at + "0.102Z\tINFO\tsetup\tstarting " + container + "\t{\"pod\": \"" + pod
                + "\", \"version\": \"v1.13.2\"}");
        lines.add(at + "0.118Z\tINFO\tsetup\tenabling metrics service\t{\"address\": \":8000\"}");
        lines.add(at + "0.341Z\tINFO\tsetup\tleader election\t{\"id\": \"" + pod + "\", \"lease\": \"kyverno/"
                + container + "\"}");
        lines.add(at + "1.007Z\tINFO\twebhooks.server\tstarting webhook server\t{\"port\": 9443}");
        lines.add(at + "1.009Z\tERROR\twebhooks.server\t" + reason);
        lines.add(at + "1.010Z\tERROR\tsetup\tfailed to start webhook server\t{\"error\": \""
                + reason.replace("\"", "'") + "\"}");
        lines.add(at + "1.011Z\tINFO\tsetup\tshutting down\t{\"exitCode\": "
                + (terminated.containsKey("exitCode") ? terminated.get("exitCode") : 1) + "}");
        return lines;
    }

    /** Start-up lines in the style of the container's program. */
    private static List<String> startup(String pod, String container) {
        String t = "2026-11-23T08:00:0";
        String program = container.replaceAll("-(controller|server|webhook|cainjector)$", "");
        List<String> lines = new ArrayList<>();
        lines.add(t + "1.204Z\tINFO\tstarting " + container + "\t{\"pod\": \"" + pod + "\"}");
        lines.add(t + "1.230Z\tINFO\tloaded configuration\t{\"component\": \"" + program + "\"}");
        lines.add(t + "1.512Z\tINFO\tconnected to the Kubernetes API server\t{\"host\": \"https://10.96.0.1:443\"}");
        lines.add(t + "2.040Z\tINFO\tcaches synced\t{\"informers\": 12}");
        lines.add(t + "2.101Z\tINFO\tserving\t{\"healthz\": \":8080/healthz\", \"metrics\": \":8000/metrics\"}");
        lines.add(t + "2.117Z\tINFO\t" + container + " is ready");
        return lines;
    }

    private static List<String> containerNames(Map<?, ?> spec) {
        List<String> names = new ArrayList<>();
        if (spec.get("containers") instanceof List<?> l) {
            l.forEach(c -> Optional.ofNullable(map(c).get("name")).ifPresent(n -> names.add(String.valueOf(n))));
        }
        return names;
    }

    private static Map<?, ?> containerStatus(Map<?, ?> status, String container) {
        if (status.get("containerStatuses") instanceof List<?> l) {
            for (Object o : l) {
                if (container.equals(String.valueOf(map(o).get("name")))) {
                    return map(o);
                }
            }
        }
        return Map.of();
    }

    static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }
}
