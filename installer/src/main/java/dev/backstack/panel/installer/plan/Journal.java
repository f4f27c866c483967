package dev.backstack.panel.installer.plan;

import java.util.Optional;

/**
 * Where a plan's progress is remembered, so a run can resume after a failure, a cancel or a
 * killed process. Implementations block briefly; call from the plan's thread.
 */
public interface Journal {

    /** The last saved record, empty when there is none (or it cannot be read). */
    Optional<JournalRecord> load();

    /** Saves the record; a failure to save is logged and reported, never fatal to the plan. */
    void save(JournalRecord record) throws JournalException;

    /** A journal could not be written. */
    final class JournalException extends Exception {
        public JournalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
