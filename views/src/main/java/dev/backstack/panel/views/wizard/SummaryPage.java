package dev.backstack.panel.views.wizard;

import dev.backstack.panel.views.fx.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The summary page: links to what was made, a secret revealed (and copied for a while) only on
 * request, and the next steps. Finish closes the wizard.
 */
public final class SummaryPage extends WizardPage {

    private final SummaryViewModel vm;
    private final Runnable onEnter;
    private final Consumer<String> openUrl;
    private final Button reveal = new Button("Re_veal and copy");
    private final GridPane links = new GridPane();
    private final VBox next = new VBox(6);

    public SummaryPage(SummaryViewModel vm, String explanation, Consumer<String> openUrl, Runnable onEnter) {
        super("Done", explanation, Bindings.createBooleanBinding(() -> true));
        this.vm = vm;
        this.onEnter = onEnter;
        this.openUrl = openUrl;
        Label headline = new Label();
        headline.setId("summary-headline");
        headline.getStyleClass().add(Styles.TITLE);
        headline.setWrapText(true);
        headline.textProperty().bind(vm.headlineProperty());
        links.setHgap(14);
        links.setVgap(4);
        vm.links().addListener((ListChangeListener<SummaryViewModel.Link>) c -> showLinks());
        vm.nextSteps().addListener((ListChangeListener<String>) c -> showNextSteps());
        Label linksTitle = Forms.section("Links");
        linksTitle.visibleProperty().bind(Bindings.isNotEmpty(vm.links()));
        linksTitle.managedProperty().bind(linksTitle.visibleProperty());
        Label signIn = Forms.section("Sign in");
        signIn.visibleProperty().bind(vm.secretLabelProperty().isNotEmpty());
        signIn.managedProperty().bind(signIn.visibleProperty());
        VBox content = new VBox(14, headline, linksTitle, links, signIn, secret(), Forms.section("Next steps"), next);
        content.setPadding(new Insets(18, 22, 18, 22));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    private void showLinks() {
        links.getChildren().clear();
        int row = 0;
        for (SummaryViewModel.Link l : vm.links()) {
            Label name = new Label(l.name());
            name.getStyleClass().add(Styles.FIELD_LABEL);
            Hyperlink url = new Hyperlink(l.url());
            url.setOnAction(e -> openUrl.accept(l.url()));
            links.addRow(row++, name, url);
        }
    }

    private void showNextSteps() {
        next.getChildren().clear();
        int i = 1;
        for (String s : vm.nextSteps()) {
            Label l = new Label(i++ + ".  " + s);
            l.setWrapText(true);
            next.getChildren().add(l);
        }
    }

    private VBox secret() {
        Label label = new Label();
        label.getStyleClass().add(Styles.FIELD_LABEL);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.textProperty().bind(vm.secretLabelProperty());
        reveal.setId("reveal-secret");
        reveal.setMnemonicParsing(true);
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        reveal.setOnAction(e -> vm.revealSecret());
        TextField value = new TextField();
        value.setId("secret-value");
        value.setEditable(false);
        value.getStyleClass().add(Styles.CODE);
        value.setPromptText("hidden");
        HBox.setHgrow(value, Priority.ALWAYS);
        vm.secretProperty().addListener((o, a, s) -> value.setText(s == null ? "" : s.reveal()));
        Button copy = new Button("C_opy again");
        copy.setMnemonicParsing(true);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> vm.copySecret());
        Button hide = new Button("_Hide");
        hide.setMnemonicParsing(true);
        hide.setMinWidth(Region.USE_PREF_SIZE);
        hide.setOnAction(e -> vm.hideSecret());
        copy.disableProperty().bind(vm.secretProperty().isNull());
        hide.disableProperty().bind(vm.secretProperty().isNull());
        HBox row = new HBox(10, label, value, reveal, copy, hide);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("secret-status");
        status.getStyleClass().add(Styles.FIELD_HELP);
        status.textProperty().bind(vm.secretStatusProperty());
        VBox box = new VBox(4, row, status);
        box.visibleProperty().bind(vm.secretLabelProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    @Override
    protected void entered() {
        onEnter.run();
    }

    @Override
    protected Node firstFocus() {
        return !vm.secretLabelProperty().get().isEmpty()
                ? reveal
                : links.getChildren().stream()
                        .filter(Hyperlink.class::isInstance)
                        .findFirst()
                        .orElse(null);
    }
}
