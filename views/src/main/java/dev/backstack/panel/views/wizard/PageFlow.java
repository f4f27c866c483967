package dev.backstack.panel.views.wizard;

import java.util.List;
import java.util.Optional;
import org.controlsfx.dialog.Wizard;
import org.controlsfx.dialog.WizardPane;

/** The pages of a wizard in order; numbers each page "step n of m". */
public final class PageFlow implements Wizard.Flow {

    private final List<WizardPage> pages;

    public PageFlow(List<WizardPage> pages) {
        this.pages = List.copyOf(pages);
        for (int i = 0; i < pages.size(); i++) {
            pages.get(i).number(i + 1, pages.size());
        }
    }

    @Override
    public Optional<WizardPane> advance(WizardPane current) {
        int i = current == null ? -1 : pages.indexOf(current);
        return i + 1 < pages.size() ? Optional.of(pages.get(i + 1)) : Optional.empty();
    }

    @Override
    public boolean canAdvance(WizardPane current) {
        return current == null || pages.indexOf(current) < pages.size() - 1;
    }
}
