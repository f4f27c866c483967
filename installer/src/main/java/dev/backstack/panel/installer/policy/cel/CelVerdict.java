package dev.backstack.panel.installer.policy.cel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy says about one object: every validation held (PASS), at least one was false
 * (FAIL, refused whatever the failure policy), or none was false but at least one could not be
 * evaluated (ERROR, refused only under {@code failurePolicy: Fail}). Immutable.
 *
 * @param violations every validation that did not hold, in the policy's order (failed and
 *                   errored ones interleaved as they come)
 */
public record CelVerdict(Outcome outcome, List<CelViolation> violations) {

    private static final CelVerdict PASS = new CelVerdict(Outcome.PASS, List.of());

    /** The three outcomes, as a Kubernetes ValidatingAdmissionPolicy tells them apart. */
    public enum Outcome {
        PASS,
        FAIL,
        ERROR
    }

    public CelVerdict {
        Objects.requireNonNull(outcome, "outcome");
        violations = List.copyOf(violations);
        if ((outcome == Outcome.PASS) != violations.isEmpty()) {
            throw new IllegalArgumentException(outcome + " with " + violations.size() + " violations");
        }
    }

    public static CelVerdict pass() {
        return PASS;
    }

    /** The verdict for these violations: FAIL if any is a plain failure, else ERROR, else PASS. */
    public static CelVerdict of(List<CelViolation> violations) {
        if (violations.isEmpty()) {
            return PASS;
        }
        boolean failed = violations.stream().anyMatch(v -> !v.error());
        return new CelVerdict(failed ? Outcome.FAIL : Outcome.ERROR, violations);
    }

    /** Whether the API server refuses the object with {@code failurePolicy: Fail}: FAIL or ERROR. */
    public boolean denied() {
        return outcome != Outcome.PASS;
    }

    /** Whether it is refused even with {@code failurePolicy: Ignore}: FAIL only. */
    public boolean deniedIgnoringErrors() {
        return outcome == Outcome.FAIL;
    }

    /** The messages of the validations that were false, in order. */
    public List<String> messages() {
        return violations.stream()
                .filter(v -> !v.error())
                .map(CelViolation::message)
                .toList();
    }

    /** The text of the first evaluation error, if any. */
    public Optional<String> error() {
        return violations.stream()
                .filter(CelViolation::error)
                .map(CelViolation::message)
                .findFirst();
    }

    /** The violation the API server reports (it names only the first), if denied. */
    public Optional<CelViolation> firstViolation() {
        return violations.stream().findFirst();
    }
}
