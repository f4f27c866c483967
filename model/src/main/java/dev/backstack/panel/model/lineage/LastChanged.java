package dev.backstack.panel.model.lineage;

import dev.backstack.panel.model.Condition;
import dev.backstack.panel.model.Fields;
import dev.backstack.panel.model.KubeObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** When an object last changed: its newest transition time, else its creation timestamp. */
final class LastChanged {

    private LastChanged() {}

    static Optional<Instant> of(KubeObject object) {
        List<String> times = new ArrayList<>();
        for (Condition c : Condition.listOf(object)) {
            times.add(c.lastTransitionTime());
        }
        // Argo CD Applications: the health transition and the last sync's end.
        times.add(Fields.str(object.status(), "health", "lastTransitionTime"));
        times.add(Fields.str(object.status(), "operationState", "finishedAt"));
        Optional<Instant> newest =
                times.stream().map(LastChanged::parse).flatMap(Optional::stream).max(Comparator.naturalOrder());
        return newest.isPresent() ? newest : parse(object.creationTimestamp());
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
