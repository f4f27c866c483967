package dev.backstack.panel.installer.compliance;

/** The compliance history cannot be opened (for example, another panel has it open) or read. */
public final class HistoryException extends Exception {

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
