package dev.backstack.panel.installer.spoke;

/**
 * What one hub policy says about a claim before it is submitted.
 *
 * @param policy  the policy's kind and name, such as {@code ValidatingPolicy limit-cluster-node-count}
 * @param message the policy's own message when it refuses or audits; why it was not evaluated otherwise
 */
public record GuardrailFinding(String policy, Verdict verdict, String message) {

    /** The outcome, as the hub's admission would decide it. */
    public enum Verdict {
        /** The policy holds. */
        PASSES,
        /** An enforcing policy would refuse the claim: fix the field it names. */
        REFUSES,
        /** An audit-mode policy would report the claim, not refuse it. */
        AUDITS,
        /** The policy matches claims but the panel cannot evaluate it (JMESPath rules, CEL it lacks). */
        NOT_EVALUATED
    }

    public boolean blocks() {
        return verdict == Verdict.REFUSES;
    }

    /** One line: {@code ValidatingPolicy limit-cluster-node-count refuses: A cluster may have at most 3 nodes...}. */
    public String line() {
        return policy + " "
                + switch (verdict) {
                    case PASSES -> "passes";
                    case REFUSES -> "refuses";
                    case AUDITS -> "would report (audit)";
                    case NOT_EVALUATED -> "not evaluated";
                }
                + (message.isEmpty() ? "" : ": " + message);
    }
}
