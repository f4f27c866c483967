package dev.backstack.panel.views.shell;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a window goes, from the screens' usable areas (visual bounds, without task bars) and
 * what was remembered: never larger than its screen, never off every screen. Pure arithmetic, no
 * scene graph, so the rules are unit-tested.
 */
public final class WindowPlacement {

    /** How much of a remembered window (each way) must still show on some screen for it to count. */
    static final double MIN_VISIBLE = 48;

    /** A rectangle in screen coordinates. */
    public record Rect(double x, double y, double width, double height) {

        public double maxX() {
            return x + width;
        }

        public double maxY() {
            return y + height;
        }

        double overlapWidth(Rect o) {
            return Math.max(0, Math.min(maxX(), o.maxX()) - Math.max(x, o.x));
        }

        double overlapHeight(Rect o) {
            return Math.max(0, Math.min(maxY(), o.maxY()) - Math.max(y, o.y));
        }

        double overlapArea(Rect o) {
            return overlapWidth(o) * overlapHeight(o);
        }
    }

    private WindowPlacement() {}

    /**
     * The main window's bounds: the remembered ones, moved and shrunk onto the screen that shows
     * most of them; or, when nothing is remembered or the remembered place is now off every screen
     * (a monitor unplugged), the default size shrunk to the primary screen and centred on it.
     */
    public static Rect place(
            Optional<Rect> remembered, List<Rect> screens, Rect primary, double defaultWidth, double defaultHeight) {
        Optional<Rect> kept = remembered.filter(r -> r.width() > 0 && r.height() > 0);
        if (kept.isPresent()) {
            Optional<Rect> screen = screenShowing(kept.get(), screens);
            if (screen.isPresent()) {
                return clampInto(kept.get(), screen.get());
            }
        }
        double w = Math.min(defaultWidth, primary.width());
        double h = Math.min(defaultHeight, primary.height());
        return new Rect(primary.x() + (primary.width() - w) / 2, primary.y() + (primary.height() - h) / 2, w, h);
    }

    /**
     * A window of the given size centred on its owner, on the screen that shows most of the owner
     * (else the primary screen), shrunk and moved so that all of it is on that screen.
     */
    public static Rect centredOn(Rect owner, double width, double height, List<Rect> screens, Rect primary) {
        Rect screen = screens.stream()
                .filter(s -> s.overlapArea(owner) > 0)
                .max(Comparator.comparingDouble(s -> s.overlapArea(owner)))
                .orElse(primary);
        Rect centred = new Rect(
                owner.x() + (owner.width() - width) / 2, owner.y() + (owner.height() - height) / 2, width, height);
        return clampInto(centred, screen);
    }

    /**
     * The screen that shows most of {@code r}, provided it shows at least {@link #MIN_VISIBLE}
     * pixels of it each way (or all of a smaller window); empty when the window is off every screen.
     */
    static Optional<Rect> screenShowing(Rect r, List<Rect> screens) {
        return screens.stream()
                .filter(s -> s.overlapWidth(r) >= Math.min(MIN_VISIBLE, r.width())
                        && s.overlapHeight(r) >= Math.min(MIN_VISIBLE, r.height()))
                .max(Comparator.comparingDouble(s -> s.overlapArea(r)));
    }

    /** {@code r} no larger than {@code screen} and moved the least so that it lies wholly on it. */
    static Rect clampInto(Rect r, Rect screen) {
        double w = Math.min(r.width(), screen.width());
        double h = Math.min(r.height(), screen.height());
        double x = Math.max(screen.x(), Math.min(r.x(), screen.maxX() - w));
        double y = Math.max(screen.y(), Math.min(r.y(), screen.maxY() - h));
        return new Rect(x, y, w, h);
    }
}
