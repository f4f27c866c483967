package dev.backstack.panel.model.namespace;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The namespace's ResourceQuota, as typed: the total CPU and memory its pods may request and be
 * limited to, and how many pods it may hold.
 *
 * @param cpu    a CPU quantity ({@code 4}, {@code 2500m})
 * @param memory a memory quantity ({@code 8Gi})
 * @param pods   a whole number of pods
 */
public record NamespaceQuota(String cpu, String memory, String pods) {

    public static final NamespaceQuota DEFAULT = new NamespaceQuota("4", "8Gi", "20");

    public NamespaceQuota {
        cpu = Objects.requireNonNullElse(cpu, "").strip();
        memory = Objects.requireNonNullElse(memory, "").strip();
        pods = Objects.requireNonNullElse(pods, "").strip();
    }

    /** Every problem, one line each; empty when the quota can be rendered. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        Quantity.problem("CPU quota", cpu).ifPresent(out::add);
        Quantity.problem("Memory quota", memory).ifPresent(out::add);
        podsProblem().ifPresent(out::add);
        return out;
    }

    private java.util.Optional<String> podsProblem() {
        java.util.Optional<String> p = Quantity.problem("Pods quota", pods);
        if (p.isPresent()) {
            return p;
        }
        BigDecimal v = Quantity.parse(pods).value();
        return v.stripTrailingZeros().scale() > 0 || !pods.matches("\\d+")
                ? java.util.Optional.of("Pods quota: must be a whole number of pods (such as 20), not " + pods)
                : java.util.Optional.empty();
    }
}
