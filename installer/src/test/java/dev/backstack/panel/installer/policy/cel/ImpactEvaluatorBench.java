package dev.backstack.panel.installer.policy.cel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark (not part of the test suite; its name does not end in Test, and it asserts no
 * timing): the impact preview of ten pod policies over 5,000 pods (every policy matches every
 * object, the worst case), cold (the first preview after start, JIT not warm) and warm; a pass
 * prepares the objects once ({@link PreparedObjects}) and assesses each policy.
 * Run: {@code ./mvnw -B -o -pl installer surefire:test -Dtest=ImpactEvaluatorBench}; results in
 * {@code installer/target/bench/impact-evaluator.txt}.
 */
class ImpactEvaluatorBench {

    private static final int OBJECTS = Integer.getInteger("bench.objects", 5000);
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

    @Test
    void measure() throws Exception {
        long w = System.nanoTime();
        CelPolicyProgram.warmUp();
        long warmUp = System.nanoTime() - w;
        long c = System.nanoTime();
        List<CelPolicyProgram> programs = new ArrayList<>();
        for (List<String> rule : policies()) {
            List<CelVariable> vars = rule.size() > 1
                    ? List.of(new CelVariable("containers", rule.get(0)), new CelVariable("images", rule.get(1)))
                    : List.of();
            programs.add(CelPolicyProgram.compile(vars, List.of(new CelValidation(rule.get(rule.size() - 1), "no"))));
        }
        long compile = System.nanoTime() - c;
        List<Map<String, Object>> pods = pods();
        List<Long> runs = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int blocked = 0;
        for (int run = 0; run < RUNS + 1; run++) {
            long t = System.nanoTime();
            long tc = threads.getCurrentThreadCpuTime();
            blocked = 0;
            PreparedObjects prepared = PreparedObjects.of(pods);
            for (CelPolicyProgram p : programs) {
                blocked += new ImpactEvaluator(p, List.of(CelSamples.PODS), List.of("kube-system"))
                        .assess(prepared)
                        .blockedCount();
            }
            runs.add(System.nanoTime() - t);
            cpu.add(threads.getCurrentThreadCpuTime() - tc);
        }
        assertThat(blocked).isPositive();
        String report = report(warmUp, compile, runs, programs.size(), blocked) + cpu(cpu);
        System.err.print(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("impact-evaluator.txt"), report);
    }

    private static String report(long warmUp, long compile, List<Long> runs, int policies, int blocked) {
        long cold = runs.get(0);
        List<Long> warm = runs.subList(1, runs.size()).stream().sorted().toList();
        long median = warm.get(warm.size() / 2);
        double evaluations = (double) OBJECTS * policies;
        return String.format(
                "ImpactEvaluatorBench: %d policies x %d pods (%d evaluations), %d blocked per pass, %d cores%n"
                        + "  CelPolicyProgram.warmUp() on a cold JVM: %.0f ms; then compile the %d policies: %.1f ms%n"
                        + "  cold pass (first): %.0f ms total, %.1f us per object per policy%n"
                        + "  warm pass (median of %d): %.0f ms total, %.1f us per object per policy (min %.0f ms, max %.0f ms)%n",
                policies,
                OBJECTS,
                (long) evaluations,
                blocked,
                Runtime.getRuntime().availableProcessors(),
                warmUp / 1e6,
                policies,
                compile / 1e6,
                cold / 1e6,
                cold / 1e3 / evaluations,
                warm.size(),
                median / 1e6,
                median / 1e3 / evaluations,
                warm.get(0) / 1e6,
                warm.get(warm.size() - 1) / 1e6);
    }

    /** The evaluating thread's own CPU time: what the pass costs when the machine is not shared. */
    private static String cpu(List<Long> cpu) {
        List<Long> warm = cpu.subList(1, cpu.size()).stream().sorted().toList();
        return String.format(
                "  CPU time of the evaluating thread: cold %.0f ms, warm median %.0f ms; load average %s%n",
                cpu.get(0) / 1e6, warm.get(warm.size() / 2) / 1e6, loadAverage());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Ten pod rules of the kinds the catalog has; the first has variables (containers, images). */
    private static List<List<String>> policies() {
        String all = "object.spec.containers + (has(object.spec.initContainers) ? object.spec.initContainers : [])";
        return List.of(
                List.of(all, "variables.containers.map(c, c.image)", "variables.images.all(i, !i.endsWith(':latest'))"),
                List.of(CelSamples.NO_PRIVILEGED),
                List.of("object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))"),
                List.of("has(object.metadata.labels) && 'app.kubernetes.io/name' in object.metadata.labels"),
                List.of("object.spec.containers.all(c, has(c.resources) && has(c.resources.limits)"
                        + " && 'memory' in c.resources.limits)"),
                List.of("!has(object.spec.hostNetwork) || object.spec.hostNetwork == false"),
                List.of("has(object.spec.securityContext) && has(object.spec.securityContext.runAsNonRoot)"
                        + " && object.spec.securityContext.runAsNonRoot == true"),
                List.of("!has(object.spec.volumes) || object.spec.volumes.all(v, !has(v.hostPath))"),
                List.of("object.spec.containers.all(c, has(c.securityContext) && has(c.securityContext.capabilities)"
                        + " && has(c.securityContext.capabilities.drop)"
                        + " && c.securityContext.capabilities.drop.exists(d, d.upperAscii() == 'ALL'))"),
                List.of(
                        "object.spec.containers.all(c, !has(c.ports) || c.ports.all(p, !has(p.hostPort) || p.hostPort == 0))"));
    }

    private static List<Map<String, Object>> pods() {
        List<Map<String, Object>> out = new ArrayList<>(OBJECTS);
        for (int i = 0; i < OBJECTS; i++) {
            String ns = "team-" + (i % 40);
            String image = (i % 7 == 0 ? "docker.io/library/nginx:latest" : "registry.example.com/app:1." + i % 10);
            Map<String, Object> pod = CelSamples.json("{'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'name': 'pod-"
                    + i
                    + "', 'namespace': '" + ns + "', 'labels': {'app.kubernetes.io/name': 'app', 'pod-template-hash': '"
                    + Integer.toHexString(i * 7919) + "'}, 'annotations': {'kubectl.kubernetes.io/restartedAt': 'x'}},"
                    + " 'spec': {'securityContext': {'runAsNonRoot': " + (i % 3 != 0) + "},"
                    + " 'volumes': [{'name': 'data', 'emptyDir': {}}, {'name': 'cfg', 'configMap': {'name': 'cfg'}}],"
                    + " 'containers': [" + container("app", image, i % 11 == 0) + ", "
                    + container("sidecar", "registry.example.com/proxy:2.1", false) + "]},"
                    + " 'status': {'phase': 'Running', 'podIP': '10.0.0." + i % 250 + "'}}");
            out.add(new LinkedHashMap<>(pod));
        }
        return out;
    }

    private static String container(String name, String image, boolean privileged) {
        return "{'name': '" + name + "', 'image': '" + image
                + "', 'ports': [{'containerPort': 8080, 'protocol': 'TCP'}],"
                + " 'resources': {'limits': {'memory': '256Mi', 'cpu': '500m'}, 'requests': {'cpu': '100m'}},"
                + " 'securityContext': {'privileged': " + privileged + ", 'allowPrivilegeEscalation': false,"
                + " 'capabilities': {'drop': ['ALL']}}, 'env': [{'name': 'A', 'value': '1'}, {'name': 'B', 'value': '2'}]}";
    }
}
