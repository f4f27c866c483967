package dev.backstack.panel.views.wizard;

import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.controlsfx.dialog.Wizard;

/** What every plan wizard's window does: asks before closing over a running plan, and cleans up when closed. */
public final class WizardWindows {

    private WizardWindows() {}

    /**
     * Makes the wizard resizable and, while {@code running} holds, asks before it closes; a
     * confirmed close calls {@code stop} (which cancels the run safely).
     */
    public static void guardClose(Wizard wizard, BooleanSupplier running, String header, String text, Runnable stop) {
        wizard.getDialog().setResizable(true);
        wizard.getDialog().setOnCloseRequest(e -> {
            if (running.getAsBoolean() && !confirm(wizard, header, text)) {
                e.consume();
            } else if (running.getAsBoolean()) {
                stop.run();
            }
        });
    }

    /** Shows the wizard until it closes, then disposes its pages and runs {@code close}. */
    public static void showAndWait(Wizard wizard, List<WizardPage> pages, Runnable close) {
        try {
            wizard.showAndWait();
        } finally {
            pages.forEach(WizardPage::dispose);
            close.run();
        }
    }

    private static boolean confirm(Wizard wizard, String header, String text) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.YES, ButtonType.NO);
        ask.initOwner(wizard.getDialog().getDialogPane().getScene().getWindow());
        ask.setHeaderText(header);
        return ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }
}
