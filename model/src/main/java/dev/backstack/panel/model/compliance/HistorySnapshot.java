package dev.backstack.panel.model.compliance;

import dev.backstack.panel.model.ReportCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An immutable view of the recent compliance history: samples of each cluster's totals (oldest
 * first) and transitions (newest first).
 */
public record HistorySnapshot(List<ComplianceSample> samples, List<Transition> transitions) {

    public static final HistorySnapshot EMPTY = new HistorySnapshot(List.of(), List.of());

    public HistorySnapshot {
        samples = List.copyOf(samples);
        transitions = List.copyOf(transitions);
    }

    /**
     * The fleet's totals over time: at each minute a sample exists, the sum of every cluster's
     * latest totals at that minute (a cluster's totals hold until its next sample).
     */
    public List<ComplianceSample> fleetSeries() {
        List<ComplianceSample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(ComplianceSample::minuteMillis));
        TreeSet<Long> minutes = new TreeSet<>();
        sorted.forEach(s -> minutes.add(s.minuteMillis()));
        Map<String, ReportCounts> latest = new HashMap<>();
        List<ComplianceSample> out = new ArrayList<>();
        int i = 0;
        for (long minute : minutes) {
            while (i < sorted.size() && sorted.get(i).minuteMillis() == minute) {
                latest.put(sorted.get(i).cluster(), sorted.get(i).counts());
                i++;
            }
            ReportCounts sum = latest.values().stream().reduce(ReportCounts.ZERO, ReportCounts::plus);
            out.add(new ComplianceSample("", minute, sum));
        }
        return out;
    }

    /** Transitions to fail or error in this snapshot. */
    public long newFailures() {
        return transitions.stream().filter(Transition::failing).count();
    }
}
