package dev.backstack.panel.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.views.shell.WindowPlacement.Rect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Rect LAPTOP = new Rect(0, 0, 1280, 760);
    private static final Rect RIGHT_MONITOR = new Rect(1280, 0, 2560, 1400);

    @Test
    @DisplayName("without a remembered place the default size fits and is centred on the primary screen")
    void defaultFitsAndIsCentred() {
        Rect big = new Rect(0, 0, 1920, 1040);
        assertThat(WindowPlacement.place(Optional.empty(), List.of(big), big, 1360, 860))
                .isEqualTo(new Rect(280, 90, 1360, 860));

        Rect small = new Rect(0, 24, 1024, 676);
        assertThat(WindowPlacement.place(Optional.empty(), List.of(small), small, 1360, 860))
                .isEqualTo(new Rect(0, 24, 1024, 676));
    }

    @Test
    @DisplayName("a remembered place that is still on a screen is used as it was")
    void rememberedPlaceIsKept() {
        Rect remembered = new Rect(1500, 100, 1400, 900);
        assertThat(WindowPlacement.place(Optional.of(remembered), List.of(LAPTOP, RIGHT_MONITOR), LAPTOP, 1360, 860))
                .isEqualTo(remembered);
    }

    @Test
    @DisplayName("a remembered place off every screen (monitor unplugged) is ignored")
    void offScreenIsIgnored() {
        Rect onUnpluggedMonitor = new Rect(1500, 100, 1400, 900);
        assertThat(WindowPlacement.place(Optional.of(onUnpluggedMonitor), List.of(LAPTOP), LAPTOP, 1360, 860))
                .isEqualTo(new Rect(0, 0, 1280, 760));

        Rect barelyPeeking = new Rect(1280 - 10, 300, 800, 600);
        assertThat(WindowPlacement.place(Optional.of(barelyPeeking), List.of(LAPTOP), LAPTOP, 1000, 600))
                .isEqualTo(new Rect(140, 80, 1000, 600));
    }

    @Test
    @DisplayName("a remembered window larger than today's screen shrinks to it and moves onto it")
    void smallerScreenClamps() {
        Rect remembered = new Rect(200, 150, 2400, 1300);
        assertThat(WindowPlacement.place(Optional.of(remembered), List.of(LAPTOP), LAPTOP, 1360, 860))
                .isEqualTo(new Rect(0, 0, 1280, 760));

        Rect overTheEdge = new Rect(900, 500, 800, 600);
        assertThat(WindowPlacement.place(Optional.of(overTheEdge), List.of(LAPTOP), LAPTOP, 1360, 860))
                .isEqualTo(new Rect(480, 160, 800, 600));
    }

    @Test
    @DisplayName("a dialog is centred on its owner but kept wholly on the owner's screen")
    void dialogCentredOnOwnerAndClamped() {
        Rect owner = new Rect(100, 100, 1000, 600);
        assertThat(WindowPlacement.centredOn(owner, 600, 400, List.of(LAPTOP), LAPTOP))
                .isEqualTo(new Rect(300, 200, 600, 400));

        Rect ownerAtTheEdge = new Rect(900, 400, 600, 400);
        assertThat(WindowPlacement.centredOn(ownerAtTheEdge, 700, 900, List.of(LAPTOP, RIGHT_MONITOR), LAPTOP))
                .isEqualTo(new Rect(580, 0, 700, 760));
    }
}
