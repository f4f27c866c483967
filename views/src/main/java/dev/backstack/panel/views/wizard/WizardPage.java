package dev.backstack.panel.views.wizard;

import dev.backstack.panel.views.fx.FxThread;
import dev.backstack.panel.views.fx.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/**
 * A page of a ControlsFX {@link Wizard}: a header with title, explanation and "step n of m", and
 * the wizard's Next button bound to the page's validity while the page is shown. Alt+N, Alt+P and
 * Alt+F press Next, Previous and Finish; Enter presses the default button (Next, or Finish on the
 * last page) unless another button has the focus.
 * Mnemonics ({@code _Run preflight}) are resolved among this page's own controls: the wizard
 * swaps pages in one scene, whose mnemonic table keeps the letters of pages no longer shown.
 */
public abstract class WizardPage extends WizardPane {

    /** The size every page asks for, so the dialog does not jump between pages. */
    public static final double WIDTH = 980;

    public static final double HEIGHT = 700;

    private final ObservableBooleanValue valid;
    private final Label step = new Label();

    protected WizardPage(String title, String explanation, ObservableBooleanValue valid) {
        this.valid = valid;
        Label t = new Label(title);
        t.getStyleClass().add(Styles.WIZARD_TITLE);
        Label e = new Label(explanation);
        e.setWrapText(true);
        e.getStyleClass().add(Styles.MUTED);
        step.getStyleClass().add(Styles.WIZARD_STEP);
        step.setMinWidth(Label.USE_PREF_SIZE);
        VBox text = new VBox(4, t, e);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox header = new HBox(16, text, step);
        header.setAlignment(Pos.TOP_LEFT);
        header.getStyleClass().add(Styles.WIZARD_HEADER);
        setHeader(header);
        setPrefSize(WIDTH, HEIGHT); // panel.css lifts AtlantaFX's 600 px cap on dialog panes
        getStylesheets()
                .add(WizardPage.class
                        .getResource("/dev/backstack/panel/views/panel.css")
                        .toExternalForm());
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, old, window) -> hook(window));
                hook(scene.getWindow());
            }
        });
    }

    /**
     * Keys are taken at the window, before the scene's own mnemonic table sees them: that table
     * keeps the letters of pages shown earlier and would fire them too.
     */
    private void hook(Window window) {
        if (window != null && window.getProperties().putIfAbsent(this, Boolean.TRUE) == null) {
            window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (getScene() != null && getScene().getWindow() == window) {
                    navigationKeys(e);
                }
            });
        }
    }

    private static boolean consumesEnter(Control c) {
        return c instanceof ListView<?> || c instanceof TableView<?>;
    }

    void number(int index, int count) {
        step.setText("Step " + index + " of " + count);
    }

    @Override
    public final void onEnteringPage(Wizard wizard) {
        wizard.invalidProperty().unbind();
        wizard.invalidProperty().bind(Bindings.not(valid));
        entered();
        Node focus = firstFocus();
        if (focus != null) {
            FxThread.later(focus::requestFocus);
        }
    }

    @Override
    public final void onExitingPage(Wizard wizard) {
        exited();
    }

    /** Called each time the page is shown, before it is. */
    protected void entered() {}

    protected void exited() {}

    /** Called once when the wizard has closed: stop timers, drop what the page holds. */
    protected void closed() {}

    /** The wizard closed. */
    public final void dispose() {
        closed();
    }

    /** The control that gets the focus when the page is shown. */
    protected abstract Node firstFocus();

    /** The wizard's button of that kind on this page (Next, Previous, Finish), if shown. */
    protected Button button(ButtonData data) {
        for (ButtonType type : getButtonTypes()) {
            if (type.getButtonData() == data && lookupButton(type) instanceof Button b) {
                return b;
            }
        }
        return null;
    }

    private void navigationKeys(KeyEvent e) {
        if (e.isConsumed()) {
            // another page's filter on this window took it: a page shown by that very key (its
            // filter added during this dispatch) must not act on it again
            return;
        }
        boolean enter = e.getCode() == KeyCode.ENTER;
        if ((enter || e.getCode() == KeyCode.ESCAPE)
                && !e.isAltDown()
                && !e.isShortcutDown()
                && !e.isShiftDown()
                && getScene() != null
                && getScene().getFocusOwner() instanceof Control c
                && consumesEnter(c)) {
            // lists and tables take Enter and Escape for editing: let them press the default and
            // the cancel button instead
            Button b = button(enter ? ButtonData.NEXT_FORWARD : ButtonData.CANCEL_CLOSE);
            b = b != null || !enter ? b : button(ButtonData.FINISH);
            if (b != null && !b.isDisabled()) {
                b.fire();
                e.consume();
            }
            return;
        }
        if (!e.isAltDown() || e.isShortcutDown() || !e.getCode().isLetterKey()) {
            return;
        }
        if (e.getCode() == KeyCode.N || e.getCode() == KeyCode.P || e.getCode() == KeyCode.F) {
            Button b = button(
                    e.getCode() == KeyCode.N
                            ? ButtonData.NEXT_FORWARD
                            : e.getCode() == KeyCode.P ? ButtonData.BACK_PREVIOUS : ButtonData.FINISH);
            if (b != null && !b.isDisabled()) {
                b.fire();
            }
            e.consume();
        } else if (Mnemonics.fire(getContent(), e.getCode().getName().charAt(0))) {
            e.consume();
        }
    }
}
