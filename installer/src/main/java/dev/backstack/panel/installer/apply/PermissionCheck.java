package dev.backstack.panel.installer.apply;

import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RBAC preflight: asks the API server one SelfSubjectAccessReview per needed permission, a
 * few at a time, and reports every missing permission at once, before any write. A review that
 * fails or times out is reported as "could not check", never as allowed.
 *
 * <p>{@link #check} blocks until every review has answered or timed out: call it from a
 * background task, never the FX thread. It runs the reviews on its own short-lived daemon
 * threads and can be cancelled by interrupting the caller. Instances hold no mutable state and
 * may be shared between threads.
 */
public final class PermissionCheck {

    /** Reviews in flight at once by default. */
    public static final int DEFAULT_IN_FLIGHT = 8;
    /** Default time one review may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(PermissionCheck.class);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final KubernetesClient reviews;
    private final Duration timeout;
    private final int maxInFlight;

    /** A check with {@link #DEFAULT_TIMEOUT} per review and {@link #DEFAULT_IN_FLIGHT} reviews in flight. */
    public PermissionCheck(KubernetesClient client) {
        this(client, DEFAULT_TIMEOUT, DEFAULT_IN_FLIGHT);
    }

    /**
     * @param client      the user's client; reviews run as that user, with the user's credentials
     * @param timeout     how long one review may take before it counts as "could not check"
     * @param maxInFlight how many reviews may be in flight at once (at least 1)
     */
    public PermissionCheck(KubernetesClient client, Duration timeout, int maxInFlight) {
        Objects.requireNonNull(client, "client");
        if (timeout.isNegative() || timeout.isZero() || maxInFlight < 1) {
            throw new IllegalArgumentException("timeout must be positive and maxInFlight at least 1");
        }
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
        RequestConfig base = client.getConfiguration().getRequestConfig();
        // Each review gets the preflight's own timeout and no silent retries: a review that does
        // not answer in time is reported, not retried behind the user's back.
        RequestConfig perReview = new RequestConfigBuilder(base)
                .withRequestTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .withRequestRetryBackoffLimit(0)
                .build();
        this.reviews = client.newClient(perReview).adapt(KubernetesClient.class);
    }

    /**
     * Checks every permission (duplicates are asked once) and returns all gaps at once.
     *
     * @throws InterruptedException when the caller is interrupted; reviews still running are cancelled
     */
    public PermissionReport check(List<Permission> required) throws InterruptedException {
        List<Permission> wanted = new ArrayList<>(new LinkedHashSet<>(required));
        if (wanted.isEmpty()) {
            return new PermissionReport(List.of(), List.of(), List.of());
        }
        int threads = Math.min(maxInFlight, wanted.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            List<Future<Outcome>> answers = new ArrayList<>(wanted.size());
            for (Permission p : wanted) {
                answers.add(pool.submit(() -> review(p)));
            }
            // Each review is bounded by the request timeout; this is the net under that, one
            // timeout (plus grace) per wave of reviews.
            int waves = (wanted.size() + threads - 1) / threads;
            long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos() * waves;
            List<Permission> granted = new ArrayList<>();
            List<Permission> missing = new ArrayList<>();
            List<PermissionReport.Unchecked> unchecked = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                Outcome o = await(answers.get(i), wanted.get(i), deadline);
                switch (o.verdict) {
                    case GRANTED -> granted.add(o.permission);
                    case MISSING -> missing.add(o.permission);
                    case UNCHECKED -> unchecked.add(new PermissionReport.Unchecked(o.permission, o.problem));
                }
            }
            PermissionReport report = new PermissionReport(granted, missing, unchecked);
            LOG.info("RBAC preflight of {} permissions: {}", wanted.size(), report.summary());
            return report;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome await(Future<Outcome> answer, Permission p, long deadline) throws InterruptedException {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Outcome.unchecked(p, "no answer within " + seconds(timeout));
        } catch (ExecutionException e) {
            return Outcome.unchecked(p, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        }
    }

    private Outcome review(Permission p) {
        SelfSubjectAccessReview ask = new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withVerb(p.verb())
                .withGroup(p.group())
                .withResource(p.baseResource())
                .withSubresource(p.subresource())
                .withNamespace(p.namespace())
                .withName(p.name())
                .endResourceAttributes()
                .endSpec()
                .build();
        try {
            SelfSubjectAccessReview answer =
                    reviews.authorization().v1().selfSubjectAccessReview().create(ask);
            if (answer == null
                    || answer.getStatus() == null
                    || answer.getStatus().getAllowed() == null) {
                return Outcome.unchecked(p, "the API server's review had no verdict");
            }
            if (Boolean.TRUE.equals(answer.getStatus().getAllowed())) {
                return new Outcome(p, Verdict.GRANTED, null);
            }
            return new Outcome(p, Verdict.MISSING, null);
        } catch (KubernetesClientException e) {
            return Outcome.unchecked(p, problem(e));
        }
    }

    private String problem(KubernetesClientException e) {
        if (e.getCode() <= 0) { // fabric8 uses 0 or -1 when no HTTP answer came back
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String text = Objects.requireNonNullElse(
                    root.getMessage(), root.getClass().getSimpleName());
            if (root instanceof java.io.InterruptedIOException
                    || root.getClass().getSimpleName().contains("Timeout")
                    || text.toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
                return "no answer within " + seconds(timeout);
            }
            return "could not reach the API server (" + text + ")";
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null
                ? e.getStatus().getMessage()
                : e.getMessage();
        return "the review failed with HTTP " + e.getCode() + " (" + message + ")";
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rbac-preflight-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private enum Verdict {
        GRANTED,
        MISSING,
        UNCHECKED
    }

    private record Outcome(Permission permission, Verdict verdict, String problem) {
        static Outcome unchecked(Permission p, String problem) {
            return new Outcome(p, Verdict.UNCHECKED, problem);
        }
    }
}
