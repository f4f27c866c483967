package dev.backstack.panel.installer.connect;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of an external program from an argv list (no shell), with its own environment, stdin
 * from the null device, stdout and stderr read separately, a timeout and cancel. Not reusable.
 */
final class PluginProcess {

    static final File NULL_FILE =
            new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    private static final int STDOUT_LIMIT = 1024 * 1024;
    private static final int STDERR_LIMIT = 64 * 1024;

    /** How the program ended; stdout may hold a secret and must never be logged. */
    record Result(int exitCode, byte[] stdout, String stderr) {}

    /** Why a run did not produce a result. */
    enum Failure {
        CANCELLED,
        TIMED_OUT,
        OUTPUT_NOT_CLOSED
    }

    /** Thrown by {@link #run()} when the program was cancelled, timed out or left its output open. */
    static final class Aborted extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        Aborted(Failure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private final List<String> argv;
    private final Map<String, String> env;
    private final Duration timeout;
    private volatile Process process;
    private volatile boolean cancelled;

    PluginProcess(List<String> argv, Map<String, String> env, Duration timeout) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.timeout = timeout;
    }

    /** Starts the program and waits for it; IOException when it cannot be started. */
    Result run() throws IOException, InterruptedException, Aborted {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectInput(ProcessBuilder.Redirect.from(NULL_FILE));
        Process started = builder.start();
        process = started;
        try {
            CompletableFuture<byte[]> out = readAsync(started.getInputStream(), STDOUT_LIMIT);
            CompletableFuture<byte[]> err = readAsync(started.getErrorStream(), STDERR_LIMIT);
            boolean finished = !cancelled && started.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (cancelled) {
                throw new Aborted(Failure.CANCELLED);
            }
            if (!finished) {
                throw new Aborted(Failure.TIMED_OUT);
            }
            return new Result(
                    started.exitValue(),
                    out.get(2, TimeUnit.SECONDS),
                    new String(err.get(2, TimeUnit.SECONDS), StandardCharsets.UTF_8));
        } catch (ExecutionException | TimeoutException e) {
            throw new Aborted(Failure.OUTPUT_NOT_CLOSED);
        } finally {
            killTree(started);
        }
    }

    /** Kills the program and its children; {@link #run()} then throws {@link Failure#CANCELLED}. */
    void cancel() {
        cancelled = true;
        Process running = process;
        if (running != null) {
            killTree(running);
        }
    }

    static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static CompletableFuture<byte[]> readAsync(InputStream in, int limit) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (in) {
                        result.complete(readAll(in, limit));
                    } catch (IOException e) {
                        result.completeExceptionally(e);
                    }
                },
                "credential-plugin-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static byte[] readAll(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            if (buffer.size() < limit) {
                buffer.write(chunk, 0, Math.min(n, limit - buffer.size()));
            }
        }
        return buffer.toByteArray();
    }
}
