package dev.backstack.panel.installer.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * The outcome of one server-side apply or dry run: the object as the API server returned it, or
 * the reason it was refused. Immutable; safe on any thread.
 *
 * @param <T> the object's type
 */
public sealed interface ApplyResult<T extends HasMetadata> {

    /**
     * The API server accepted the apply.
     *
     * @param object the object as stored (or, for a dry run, as it would have been stored)
     * @param dryRun true when nothing was persisted
     */
    record Applied<T extends HasMetadata>(T object, boolean dryRun) implements ApplyResult<T> {}

    /** The API server refused the apply; see {@link ApplyFailure#message()}. */
    record Failed<T extends HasMetadata>(ApplyFailure failure) implements ApplyResult<T> {}

    /** True when the API server accepted the apply. */
    default boolean ok() {
        return this instanceof Applied;
    }

    /** The object the API server returned, when it accepted the apply. */
    default Optional<T> applied() {
        return this instanceof Applied<T> a ? Optional.of(a.object()) : Optional.empty();
    }

    /** The reason for the refusal, when the API server refused the apply. */
    default Optional<ApplyFailure> refusal() {
        return this instanceof Failed<T> f ? Optional.of(f.failure()) : Optional.empty();
    }
}
