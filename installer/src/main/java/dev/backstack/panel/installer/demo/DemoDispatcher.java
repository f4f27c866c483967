package dev.backstack.panel.installer.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated API server of a demo cluster: fabric8's CRUD mock (objects, lists, watches,
 * create, update, merge and JSON patches, delete) plus what the install wizard needs of a real
 * API server and the mock lacks:
 * <ul>
 * <li>server-side apply ({@code PATCH} as {@value DemoApply#APPLY_PATCH}), simulated by
 * {@link DemoApply} with JSON-merge semantics;</li>
 * <li>{@code dryRun=All} on POST, PUT, PATCH and DELETE: the answer is what would be stored,
 * nothing is stored and no watch event is sent;</li>
 * <li>SelfSubjectAccessReviews and SelfSubjectRulesReviews, answered for a cluster admin;</li>
 * <li>writes of a custom kind without its CRD refused with 404, as a real API server does;</li>
 * <li>pod logs and events, simulated from the stored pods by {@link DemoPodReads};</li>
 * <li>{@link DemoFault injected refusals} for the demo's story.</li>
 * </ul>
 * Requests with a queued expectation (the server's {@code /} and {@code /version}) are answered
 * from it first, as fabric8's mixed dispatcher does.
 */
final class DemoDispatcher extends KubernetesCrudDispatcher {

    static final Logger LOG = LoggerFactory.getLogger(DemoDispatcher.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHORIZATION = "/apis/authorization.k8s.io/v1/";
    private static final Set<String> BUILT_IN_GROUPS = Stream.concat(
                    KindRegistry.standard().all().stream()
                            .filter(KindInfo::builtIn)
                            .map(KindInfo::group),
                    Stream.of(
                            "authorization.k8s.io",
                            "authentication.k8s.io",
                            "coordination.k8s.io",
                            "policy",
                            "autoscaling",
                            "events.k8s.io",
                            "discovery.k8s.io",
                            "scheduling.k8s.io",
                            "node.k8s.io",
                            "certificates.k8s.io",
                            "flowcontrol.apiserver.k8s.io",
                            "apiregistration.k8s.io",
                            "resource.k8s.io",
                            "storagemigration.k8s.io"))
            .collect(Collectors.toUnmodifiableSet());

    private final Map<ServerRequest, Queue<ServerResponse>> expectations;
    private final MockDispatcher expected;
    private final List<DemoFault> faults;
    private final ThreadLocal<Boolean> dryRun = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final DemoApply apply = new DemoApply(this);
    private final DemoPodReads podReads;

    /**
     * @param cluster      the simulated cluster's name
     * @param expectations the mock server's queued responses
     * @param faults       refusals to answer, consulted on every request (may change later)
     */
    DemoDispatcher(String cluster, Map<ServerRequest, Queue<ServerResponse>> expectations, List<DemoFault> faults) {
        this.expectations = expectations;
        this.expected = new MockDispatcher(expectations);
        this.faults = faults;
        this.podReads = new DemoPodReads(cluster, this::handleGet);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Queue<ServerResponse> queued = expectations.get(new SimpleRequest(request.method(), request.getPath()));
        if (queued != null && !queued.isEmpty()) {
            return expected.dispatch(request);
        }
        HttpMethod method = request.method();
        String path = request.getPath();
        boolean dry = method != HttpMethod.GET && isDryRun(path);
        for (DemoFault f : faults) {
            Optional<MockResponse> refusal = f.refuse(method, path, request.getHeader("Content-Type"), dry);
            if (refusal.isPresent()) {
                return refusal.get();
            }
        }
        if (method == HttpMethod.POST && path.startsWith(AUTHORIZATION)) {
            return review(request);
        }
        if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
            Optional<MockResponse> unserved = unservedKind(path);
            if (unserved.isPresent()) {
                return unserved.get();
            }
        }
        if (!dry) {
            return route(request);
        }
        dryRun.set(Boolean.TRUE);
        try {
            return method == HttpMethod.DELETE ? handleGet(DemoApply.withoutQuery(path)) : route(request);
        } finally {
            dryRun.remove();
        }
    }

    private MockResponse route(RecordedRequest request) {
        if (request.method() == HttpMethod.PATCH && DemoApply.isApply(request.getHeader("Content-Type"))) {
            return apply.apply(request);
        }
        if (request.method() == HttpMethod.GET) {
            Optional<MockResponse> read = podReads.answer(request.getPath());
            if (read.isPresent()) {
                return read.get();
            }
        }
        return super.dispatch(request);
    }

    /** Stores the new state and sends watch events, except in a dry run, which changes nothing. */
    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        if (dryRun.get()) {
            LOG.trace("dry run of {}: nothing stored", path);
            return;
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    }

    /** The demo cluster's user is a simulated cluster admin: every review is allowed. */
    private MockResponse review(RecordedRequest request) {
        String path = DemoApply.withoutQuery(request.getPath());
        ObjectNode review;
        try {
            JsonNode body = JSON.readTree(request.getBody().readUtf8());
            if (!(body instanceof ObjectNode o)) {
                return status(400, "BadRequest", "the request body is not an object");
            }
            review = o;
        } catch (JsonProcessingException e) {
            return status(400, "BadRequest", "the request body is not JSON: " + e.getOriginalMessage());
        }
        ObjectNode st = review.putObject("status");
        if (path.endsWith("/selfsubjectaccessreviews")) {
            st.put("allowed", true).put("reason", "simulated: the demo cluster's user is a cluster admin");
        } else if (path.endsWith("/selfsubjectrulesreviews")) {
            ArrayNode rules = st.putArray("resourceRules");
            ObjectNode all = rules.addObject();
            all.putArray("verbs").add("*");
            all.putArray("apiGroups").add("*");
            all.putArray("resources").add("*");
            st.putArray("nonResourceRules").addObject().putArray("verbs").add("*");
            st.put("incomplete", false);
        } else {
            return status(404, "NotFound", "the simulated API server does not serve " + path);
        }
        return json(201, review.toString());
    }

    /**
     * A write of a custom kind whose CRD does not exist is refused, as a real API server does (the
     * mock would store anything); built-in groups are always served.
     */
    private Optional<MockResponse> unservedKind(String path) {
        String[] parts = DemoApply.withoutQuery(path).split("/");
        if (parts.length < 5 || !"apis".equals(parts[1]) || BUILT_IN_GROUPS.contains(parts[2])) {
            return Optional.empty();
        }
        int at = "namespaces".equals(parts[4]) && parts.length > 6 ? 6 : 4;
        String crd = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + parts[at] + "." + parts[2];
        if (findResource(getKey(crd)) != null) {
            return Optional.empty();
        }
        return Optional.of(status(
                404,
                "NotFound",
                "the server could not find the requested resource (no CRD " + parts[at] + "." + parts[2]
                        + " on this simulated cluster)"));
    }

    static boolean isDryRun(String path) {
        int q = path.indexOf('?');
        return q >= 0 && path.substring(q + 1).matches("(?:.*&)?dryRun=[^&]+(?:&.*)?");
    }

    static MockResponse json(int code, String body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    /** A Kubernetes Status answer, as the API server sends with every refusal. */
    static MockResponse status(int code, String reason, String message) {
        ObjectNode s = JSON.createObjectNode();
        s.put("kind", "Status").put("apiVersion", "v1");
        s.putObject("metadata");
        s.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
        s.putObject("details").putArray("causes").addObject().put("message", message);
        return json(code, s.toString());
    }
}
