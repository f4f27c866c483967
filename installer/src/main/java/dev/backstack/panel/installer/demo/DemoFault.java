package dev.backstack.panel.installer.demo;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A refusal the simulated API server answers instead of doing the request, a given number of
 * times: how the demo shows a transient failure (a webhook that is not up yet) and its retry.
 * Only real server-side applies match (dry runs pass), so the user meets it while installing.
 * Thread-safe.
 */
final class DemoFault {

    private final String what;
    private final Pattern path;
    private final int code;
    private final String reason;
    private final String message;
    private final AtomicInteger remaining;

    /**
     * @param what    what the fault simulates, for the log
     * @param path    a pattern the request path (without its query) must match in full
     * @param times   how many applies are refused before later ones pass
     */
    DemoFault(String what, String path, int times, int code, String reason, String message) {
        this.what = what;
        this.path = Pattern.compile(path);
        this.code = code;
        this.reason = reason;
        this.message = message;
        this.remaining = new AtomicInteger(times);
    }

    /** The refusal when the request matches and the fault has refusals left; counts it down. */
    Optional<MockResponse> refuse(HttpMethod method, String requestPath, String contentType, boolean dryRun) {
        if (method != HttpMethod.PATCH
                || dryRun
                || !DemoApply.isApply(contentType)
                || !path.matcher(DemoApply.withoutQuery(requestPath)).matches()
                || remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return Optional.empty();
        }
        DemoDispatcher.LOG.info("simulated fault on the demo API server: {} (HTTP {} for {})", what, code, requestPath);
        return Optional.of(DemoDispatcher.status(code, reason, message));
    }

    int remaining() {
        return remaining.get();
    }
}
