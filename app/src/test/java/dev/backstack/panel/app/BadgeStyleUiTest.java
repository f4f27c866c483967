package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.views.fx.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** {@link Styles#follow}: the one line that makes the header's connection badge take its state's colour. */
class BadgeStyleUiTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    @DisplayName("a badge keeps exactly one style of its family, the current one, and its other classes")
    void badgeFollowsItsStyle() throws Exception {
        var state = new SimpleStringProperty(Styles.BADGE_PENDING);
        Label badge = FxPoll.onFx(() -> {
            Label l = new Label("connecting");
            l.getStyleClass().addAll(Styles.BADGE, Styles.BADGE_OK);
            Styles.follow(l, state, Styles.CONNECTION_BADGES);
            return l;
        });
        assertThat(FxPoll.onFx(() -> java.util.List.copyOf(badge.getStyleClass())))
                .containsExactly("label", Styles.BADGE, Styles.BADGE_PENDING);

        FxPoll.onFx(() -> {
            state.set(Styles.BADGE_DANGER);
            return null;
        });

        assertThat(FxPoll.onFx(() -> java.util.List.copyOf(badge.getStyleClass())))
                .containsExactly("label", Styles.BADGE, Styles.BADGE_DANGER);
    }
}
