package dev.backstack.panel.installer.spoke;

import dev.backstack.panel.installer.policy.cel.CelCompileException;
import dev.backstack.panel.installer.policy.cel.CelPolicyProgram;
import dev.backstack.panel.installer.policy.cel.CelVerdict;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.spoke.ClusterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a claim against the policies present on the hub before it is submitted, with the
 * panel's in-process CEL evaluator: Kyverno {@code ValidatingPolicy}s, Kubernetes
 * {@code ValidatingAdmissionPolicy}s and Kyverno {@code ClusterPolicy} rules written in CEL.
 * Policies that match the claim's kind but cannot be evaluated here (the reference's JMESPath
 * {@code deny} rules, CEL that cel-java lacks) are listed as not evaluated, with the reason.
 * Policies that do not match the claim's kind are left out. Pure.
 */
public final class Guardrails {

    private static final String GROUP = "backstack.dev";

    private Guardrails() {}

    /**
     * @param claim    the claim as a plain map (as it would be created)
     * @param policies the hub's policy objects as plain maps (any of the three kinds; others are ignored)
     */
    public static List<GuardrailFinding> check(Map<String, ?> claim, List<Map<String, ?>> policies) {
        String kind = String.valueOf(claim.get("kind"));
        String plural = plural(kind);
        Object ns = map(claim.get("metadata")).get("namespace");
        String namespace = ns == null ? "default" : String.valueOf(ns);
        Map<String, Object> nsObject = Map.of(
                "apiVersion",
                "v1",
                "kind",
                "Namespace",
                "metadata",
                Map.of("name", namespace, "labels", Map.of("kubernetes.io/metadata.name", namespace)));
        List<GuardrailFinding> out = new ArrayList<>();
        for (Map<String, ?> p : policies) {
            String pk = String.valueOf(p.get("kind"));
            String name = pk + " " + map(p.get("metadata")).get("name");
            Map<?, ?> spec = map(p.get("spec"));
            switch (pk) {
                case "ValidatingPolicy", "ValidatingAdmissionPolicy" -> {
                    if (matchesRules(map(spec.get("matchConstraints")), plural)) {
                        boolean enforce = pk.equals("ValidatingAdmissionPolicy")
                                || list(spec.get("validationActions")).contains("Deny");
                        out.add(evaluate(
                                name,
                                enforce,
                                variables(spec.get("variables")),
                                validations(spec.get("validations")),
                                claim,
                                nsObject));
                    }
                }
                case "ClusterPolicy", "Policy" -> {
                    boolean enforce = "enforce".equalsIgnoreCase(String.valueOf(spec.get("validationFailureAction")));
                    for (Object r : list(spec.get("rules"))) {
                        Map<?, ?> rule = map(r);
                        if (!matchesKinds(map(rule.get("match")), kind)) {
                            continue;
                        }
                        Map<?, ?> validate = map(rule.get("validate"));
                        String ruleName = name + "/" + rule.get("name");
                        boolean ruleEnforce = validate.containsKey("failureAction")
                                ? "enforce".equalsIgnoreCase(String.valueOf(validate.get("failureAction")))
                                : enforce;
                        if (validate.get("cel") instanceof Map<?, ?> cel) {
                            out.add(evaluate(
                                    ruleName,
                                    ruleEnforce,
                                    variables(cel.get("variables")),
                                    validations(cel.get("expressions")),
                                    claim,
                                    nsObject));
                        } else if (!validate.isEmpty()) {
                            out.add(new GuardrailFinding(
                                    ruleName,
                                    GuardrailFinding.Verdict.NOT_EVALUATED,
                                    "a " + (validate.containsKey("deny") ? "JMESPath deny" : "pattern")
                                            + " rule, which the panel does not evaluate: the hub's Kyverno decides "
                                            + "when the claim is submitted"));
                        }
                    }
                }
                default -> {
                    // not a policy kind
                }
            }
        }
        return out;
    }

    private static GuardrailFinding evaluate(
            String name,
            boolean enforce,
            List<CelVariable> variables,
            List<CelValidation> validations,
            Map<String, ?> claim,
            Map<String, ?> nsObject) {
        CelPolicyProgram program;
        try {
            program = CelPolicyProgram.compile(variables, validations);
        } catch (CelCompileException e) {
            return new GuardrailFinding(
                    name,
                    GuardrailFinding.Verdict.NOT_EVALUATED,
                    "its CEL does not compile here (" + e.where() + ": " + e.reason()
                            + "): the hub decides when the claim is submitted");
        }
        CelVerdict v = program.evaluate(claim, nsObject);
        if (!v.denied()) {
            return new GuardrailFinding(name, GuardrailFinding.Verdict.PASSES, "");
        }
        String message = v.messages().isEmpty() ? v.error().orElse("refused") : String.join(" ", v.messages());
        return new GuardrailFinding(
                name, enforce ? GuardrailFinding.Verdict.REFUSES : GuardrailFinding.Verdict.AUDITS, message);
    }

    static boolean matchesRules(Map<?, ?> constraints, String plural) {
        for (Object r : list(constraints.get("resourceRules"))) {
            Map<?, ?> rule = map(r);
            List<?> groups = list(rule.get("apiGroups"));
            List<?> resources = list(rule.get("resources"));
            List<?> ops = list(rule.get("operations"));
            if ((groups.contains(GROUP) || groups.contains("*"))
                    && (resources.contains(plural) || resources.contains("*"))
                    && (ops.isEmpty() || ops.contains("CREATE") || ops.contains("*"))) {
                return true;
            }
        }
        return false;
    }

    static boolean matchesKinds(Map<?, ?> match, String kind) {
        List<Object> blocks = new ArrayList<>(list(match.get("any")));
        blocks.addAll(list(match.get("all")));
        if (match.get("resources") != null) {
            blocks.add(Map.of("resources", match.get("resources")));
        }
        for (Object b : blocks) {
            for (Object k : list(map(map(b).get("resources")).get("kinds"))) {
                String s = String.valueOf(k);
                String tail = s.substring(s.lastIndexOf('/') + 1);
                if (tail.equals(kind) || tail.equals("*") && (s.startsWith(GROUP) || s.startsWith("*"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String plural(String kind) {
        for (ClusterKind k : ClusterKind.values()) {
            if (k.claimKind().equals(kind)) {
                return kind.toLowerCase() + "s";
            }
        }
        return kind.toLowerCase() + "s";
    }

    private static List<CelVariable> variables(Object o) {
        return list(o).stream()
                .map(Guardrails::map)
                .map(v -> new CelVariable(String.valueOf(v.get("name")), String.valueOf(v.get("expression"))))
                .toList();
    }

    private static List<CelValidation> validations(Object o) {
        return list(o).stream()
                .map(Guardrails::map)
                .map(v -> new CelValidation(
                        String.valueOf(v.get("expression")),
                        v.get("message") == null ? null : String.valueOf(v.get("message"))))
                .toList();
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }
}
