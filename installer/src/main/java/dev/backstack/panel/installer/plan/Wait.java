package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import java.util.List;
import java.util.Objects;

/**
 * A readiness condition over objects of one kind: the named objects, or every object matching a
 * label selector (at least {@code minCount} of them), are ready by {@link Readiness}. Immutable.
 *
 * @param label      what the user reads in the sub-status, such as {@code providers healthy}
 * @param namespace  the namespace, or null for cluster-scoped kinds
 * @param names      the objects waited for; empty to wait for every object matching the selector
 * @param selector   a label selector, used when {@code names} is empty
 * @param minCount   with a selector: how many objects must exist at least
 * @param absence    true to wait until the objects are gone (deletions) instead of ready
 */
public record Wait(
        String label,
        KindInfo kind,
        String namespace,
        List<String> names,
        String selector,
        int minCount,
        Readiness readiness,
        boolean absence) {

    public Wait {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        names = List.copyOf(names);
        Objects.requireNonNull(readiness, "readiness");
        if (names.isEmpty() && selector == null) {
            throw new IllegalArgumentException("a wait needs names or a selector: " + label);
        }
    }

    /** Waits for named objects. */
    public static Wait forNames(
            String label, KindInfo kind, String namespace, List<String> names, Readiness readiness) {
        return new Wait(label, kind, namespace, names, null, 0, readiness, false);
    }

    /** Waits for every object matching the selector, at least {@code minCount} of them. */
    public static Wait forSelector(
            String label, KindInfo kind, String namespace, String selector, int minCount, Readiness readiness) {
        return new Wait(label, kind, namespace, List.of(), selector, minCount, readiness, false);
    }

    /** Waits until the named objects are gone (their finalizers done). */
    public static Wait forAbsence(String label, KindInfo kind, String namespace, List<String> names) {
        return new Wait(label, kind, namespace, names, null, 0, Readiness.exists(), true);
    }

    /** Waits until every object matching the selector is gone. */
    public static Wait forAbsenceOf(String label, KindInfo kind, String namespace, String selector) {
        return new Wait(label, kind, namespace, List.of(), selector, 0, Readiness.exists(), true);
    }

    /** Waits until a CRD is Established, the activation condition of steps that write its kind. */
    public static Wait crdEstablished(String crdName) {
        return forNames(
                "CRD " + crdName + " Established",
                KindRegistry.standard()
                        .require(new dev.backstack.panel.model.KindRef(
                                "apiextensions.k8s.io", "CustomResourceDefinition")),
                null,
                List.of(crdName),
                Readiness.conditions("Established"));
    }
}
