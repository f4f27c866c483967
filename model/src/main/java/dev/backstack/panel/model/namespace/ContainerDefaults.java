package dev.backstack.panel.model.namespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The namespace's LimitRange: the requests and limits a container gets when it states none.
 * A request may not exceed its limit, and a limit may not exceed the namespace's quota (a pod
 * with the defaults could never start).
 */
public record ContainerDefaults(String requestCpu, String requestMemory, String limitCpu, String limitMemory) {

    public static final ContainerDefaults DEFAULT = new ContainerDefaults("100m", "128Mi", "500m", "512Mi");

    public ContainerDefaults {
        requestCpu = Objects.requireNonNullElse(requestCpu, "").strip();
        requestMemory = Objects.requireNonNullElse(requestMemory, "").strip();
        limitCpu = Objects.requireNonNullElse(limitCpu, "").strip();
        limitMemory = Objects.requireNonNullElse(limitMemory, "").strip();
    }

    /** Every problem of the defaults, and of the defaults against {@code quota}; empty when they can be rendered. */
    public List<String> problems(NamespaceQuota quota) {
        List<String> out = new ArrayList<>();
        Quantity.problem("Default CPU request", requestCpu).ifPresent(out::add);
        Quantity.problem("Default memory request", requestMemory).ifPresent(out::add);
        Quantity.problem("Default CPU limit", limitCpu).ifPresent(out::add);
        Quantity.problem("Default memory limit", limitMemory).ifPresent(out::add);
        notAbove(
                        "Default CPU request",
                        requestCpu,
                        "default CPU limit",
                        limitCpu,
                        "a container's request cannot exceed its limit")
                .ifPresent(out::add);
        notAbove(
                        "Default memory request",
                        requestMemory,
                        "default memory limit",
                        limitMemory,
                        "a container's request cannot exceed its limit")
                .ifPresent(out::add);
        notAbove("Default CPU limit", limitCpu, "CPU quota", quota.cpu(), "a pod with the defaults could never start")
                .ifPresent(out::add);
        notAbove(
                        "Default memory limit",
                        limitMemory,
                        "memory quota",
                        quota.memory(),
                        "a pod with the defaults could never start")
                .ifPresent(out::add);
        return out;
    }

    private static Optional<String> notAbove(String what, String a, String bound, String b, String why) {
        Optional<Quantity> qa = Quantity.tryParse(a);
        Optional<Quantity> qb = Quantity.tryParse(b);
        if (qa.isPresent() && qb.isPresent() && qa.get().compareTo(qb.get()) > 0) {
            return Optional.of(what + " (" + a + ") is more than the " + bound + " (" + b + "): " + why);
        }
        return Optional.empty();
    }
}
