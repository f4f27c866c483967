package dev.backstack.panel.views.wizard;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;

/**
 * Mnemonics resolved within one subtree: Alt+letter acts on the first visible, enabled labelled
 * control whose text marks that letter with an underscore. A label moves the focus to its
 * {@code labelFor}; a button (check box, radio button, toggle) is fired and focused.
 */
final class Mnemonics {

    private Mnemonics() {}

    /** Returns true when a control took the mnemonic. FX thread. */
    static boolean fire(Node root, char letter) {
        Labeled target = find(root, Character.toLowerCase(letter));
        if (target == null) {
            return false;
        }
        if (target instanceof Label l && l.getLabelFor() != null) {
            l.getLabelFor().requestFocus();
        } else if (target instanceof ButtonBase b) {
            b.requestFocus();
            b.fire();
        } else {
            target.requestFocus();
        }
        return true;
    }

    private static Labeled find(Node node, char letter) {
        if (node == null || !node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node instanceof Labeled l
                && l.isMnemonicParsing()
                && marks(l.getText(), letter)
                && (!(l instanceof Label label)
                        || label.getLabelFor() == null
                        || !label.getLabelFor().isDisabled())) {
            return l;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Labeled found = find(child, letter);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean marks(String text, char letter) {
        if (text == null) {
            return false;
        }
        int i = text.indexOf('_');
        return i >= 0 && i + 1 < text.length() && Character.toLowerCase(text.charAt(i + 1)) == letter;
    }
}
