package dev.backstack.panel.views.fx;

import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.util.Callback;

/**
 * Table cells whose text can always be read in full: the value as text, and the whole text as
 * the cell's tooltip (names, reasons and messages are often longer than their column).
 */
public final class TextCells {

    /** Room left for a vertical scroll bar, so a filled table does not scroll sideways by a few pixels. */
    private static final double SCROLL_BAR = 16;

    private static final double TIP_WIDTH = 640;
    /** The flexible column gives way down to this (or its own width, if smaller) before the table scrolls sideways. */
    private static final double MIN_FLEXIBLE = 240;

    private static final String HOVER_TIP = "dev.backstack.panel.textcells.tip";

    private TextCells() {}

    /** Cells for a table column of any value type (shown with {@code toString}). */
    public static <R, T> Callback<TableColumn<R, T>, TableCell<R, T>> forTable() {
        return column -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                show(this, empty ? null : item);
            }
        };
    }

    /** Cells for a tree-table column of any value type. */
    public static <R, T> Callback<TreeTableColumn<R, T>, TreeTableCell<R, T>> forTreeTable() {
        return column -> new TreeTableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                show(this, empty ? null : item);
            }
        };
    }

    /** {@link #columnFills} for the table's last column (the message or reason). */
    public static void lastColumnFills(TableView<?> table) {
        columnFills(table, table.getColumns().get(table.getColumns().size() - 1));
    }

    /**
     * Lets {@code flexible} take the width the other columns leave, never less than
     * {@link #MIN_FLEXIBLE} (its full text stays on hover); the others keep theirs, and a narrow table scrolls sideways rather than squeezing
     * every column to dots. Call after the columns are added.
     */
    public static void columnFills(TableView<?> table, TableColumn<?, ?> flexible) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<? extends TableColumn<?, ?>> columns = List.copyOf(table.getColumns());
        double own = Math.min(flexible.getPrefWidth(), MIN_FLEXIBLE);
        Runnable fit = () -> {
            double others = columns.stream()
                    .filter(c -> c != flexible)
                    .mapToDouble(TableColumn::getWidth)
                    .sum();
            double free = table.getWidth() - table.snappedLeftInset() - table.snappedRightInset() - SCROLL_BAR;
            flexible.setPrefWidth(Math.max(own, Math.floor(free - others)));
        };
        table.widthProperty().addListener((o, a, b) -> fit.run());
        columns.stream()
                .filter(c -> c != flexible)
                .forEach(c -> c.widthProperty().addListener((o, a, b) -> fit.run()));
    }

    /**
     * Sets the text of any cell (list, tree, table) or label; the same text shows as its tooltip.
     * The tooltip is made on the first hover, not per cell: building a Tooltip for every cell of a
     * busy table costs the FX thread more than the table itself.
     */
    public static void show(Labeled cell, Object item) {
        String text = item == null ? null : item.toString();
        cell.setText(text);
        if (cell.getProperties().putIfAbsent(HOVER_TIP, Boolean.TRUE) == null) {
            cell.hoverProperty().addListener((o, was, hovered) -> {
                if (hovered) {
                    tipFor(cell);
                }
            });
        }
        Tooltip tip = cell.getTooltip();
        if (tip != null) {
            if (text == null || text.isBlank()) {
                cell.setTooltip(null);
            } else {
                tip.setText(text);
            }
        }
    }

    private static void tipFor(Labeled cell) {
        String text = cell.getText();
        if (text == null || text.isBlank() || cell.getTooltip() != null) {
            return;
        }
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(TIP_WIDTH);
        cell.setTooltip(tip);
    }
}
