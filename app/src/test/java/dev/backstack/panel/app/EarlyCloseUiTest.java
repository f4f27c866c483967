package dev.backstack.panel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The window closed while the fleet still connects: what arrives afterwards is closed, not shown. */
class EarlyCloseUiTest {

    @Test
    @DisplayName("closing the window before the demo fleet connects closes the fleet when it arrives, without an error")
    void closeBeforeConnected() throws Exception {
        PanelApp.useOptions(Options.parse("--demo"));
        int before = PanelApp.lateClosed();
        FxToolkit.registerPrimaryStage();
        PanelApp app = (PanelApp) FxToolkit.setupApplication(PanelApp.class);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> PanelApp.lateClosed() > before);
        assertThat(app.service())
                .as("a fleet that arrives after the window closed is never attached")
                .isNull();
        assertThatCode(WaitForAsyncUtils::checkException).doesNotThrowAnyException();
    }
}
