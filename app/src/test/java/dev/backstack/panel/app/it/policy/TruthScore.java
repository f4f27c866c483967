package dev.backstack.panel.app.it.policy;

import java.util.List;
import java.util.function.Predicate;

/**
 * How well the panel's preview predicted a real API server's admission of a policy's samples.
 * Exact when no sample is mispredicted, no message differs and no sample failed for another reason.
 */
public record TruthScore(String policy, List<SampleResult> samples) {

    public TruthScore {
        samples = List.copyOf(samples);
    }

    public List<SampleResult> predictedAndRejected() {
        return filter(s -> s.problem() == null && s.predicted() && s.rejected());
    }

    public List<SampleResult> admittedAndNotPredicted() {
        return filter(s -> s.problem() == null && !s.predicted() && !s.rejected());
    }

    public List<SampleResult> rejectedNotPredicted() {
        return filter(s -> s.problem() == null && !s.predicted() && s.rejected());
    }

    public List<SampleResult> predictedNotRejected() {
        return filter(s -> s.problem() == null && s.predicted() && !s.rejected());
    }

    public List<SampleResult> messageMismatches() {
        return filter(s -> s.problem() == null && s.messageDiffers());
    }

    /** Samples the server refused for a reason other than this policy: the sample is not valid. */
    public List<SampleResult> problems() {
        return filter(s -> s.problem() != null);
    }

    /** Samples the server did not treat as their author meant (a catalog's passing and failing samples). */
    public List<SampleResult> unexpected() {
        return filter(SampleResult::unexpected);
    }

    public boolean exact() {
        return rejectedNotPredicted().isEmpty()
                && predictedNotRejected().isEmpty()
                && messageMismatches().isEmpty()
                && problems().isEmpty();
    }

    private List<SampleResult> filter(Predicate<SampleResult> p) {
        return samples.stream().filter(p).toList();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.format(
                "%s: %d predicted and rejected, %d admitted and not predicted,"
                        + " %d rejected not predicted, %d predicted not rejected, %d messages differ, %d problems, %d unexpected",
                policy,
                predictedAndRejected().size(),
                admittedAndNotPredicted().size(),
                rejectedNotPredicted().size(),
                predictedNotRejected().size(),
                messageMismatches().size(),
                problems().size(),
                unexpected().size()));
        samples.forEach(s -> out.append("\n  ").append(s));
        return out.toString();
    }
}
