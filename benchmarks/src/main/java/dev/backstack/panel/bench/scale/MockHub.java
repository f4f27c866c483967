package dev.backstack.panel.bench.scale;

import dev.backstack.panel.bench.common.Quiet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The load side of the scale benchmark, in its own JVM so that its CPU and heap are not the
 * panel's: a hub API server seeded with {@link HubShape}, and a load generator. Two kinds:
 * {@code --server fast} (default), {@link FastLoad} on the {@link ListWatchServer}, changed in
 * process; {@code --server fabric8}, {@link Fabric8Load} on fabric8's KubernetesMockServer,
 * changed through a client. Talks to {@link ScaleBench} over stdin/stdout: prints
 * {@code READY <url> <objects> <seedMillis>}; on {@code GO <rate> <seconds>} makes {@code rate}
 * status changes per second on a fixed schedule (80% Application health flips, 10% PolicyReport
 * summaries, 10% Deployment readiness), plus the sentinel once a second, then prints
 * {@code DONE sent=.. failed=.. seconds=.. rate=.. maxLateMs=.. cpu=..}; {@code QUIT} ends it.
 *
 * <p>Arguments: {@code [--port N] [--server fast|fabric8] [HubShape flags]}.
 */
public final class MockHub {

    /** A seeded hub and its load generator. */
    interface Load extends AutoCloseable {
        String url();

        void seed() throws Exception;

        /** Makes {@code rate} changes per second for {@code seconds}; returns the DONE line. */
        String drive(int rate, int seconds) throws Exception;
    }

    private MockHub() {}

    public static void main(String[] args) throws Exception {
        Quiet.julWarningsOnly();
        HubShape shape = HubShape.parse(args);
        List<String> a = List.of(args);
        int port = a.contains("--port") ? Integer.parseInt(a.get(a.indexOf("--port") + 1)) : 0;
        boolean fabric8 =
                a.contains("--server") && a.get(a.indexOf("--server") + 1).equals("fabric8");
        try (Load load = fabric8 ? new Fabric8Load(shape, port) : new FastLoad(shape, port)) {
            long t = System.nanoTime();
            load.seed();
            System.out.printf(
                    Locale.ROOT, "READY %s %d %d%n", load.url(), shape.objects(), (System.nanoTime() - t) / 1_000_000);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.trim().split("\\s+");
                if (cmd[0].equals("GO")) {
                    System.out.println(load.drive(Integer.parseInt(cmd[1]), Integer.parseInt(cmd[2])));
                    System.out.flush();
                } else if (cmd[0].equals("QUIT")) {
                    break;
                }
            }
        }
        System.exit(0);
    }
}
