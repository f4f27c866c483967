package dev.backstack.panel.views.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyedListsTest {

    record Item(String id, int value) {}

    private static final Function<Item, String> ID = Item::id;

    @Test
    @DisplayName("a changed value is replaced in place; equal values (other instances) are left alone")
    void replacesOnlyChangedValues() {
        ObservableList<Item> list =
                FXCollections.observableArrayList(new Item("a", 1), new Item("b", 2), new Item("c", 3));
        List<String> seen = record(list);

        KeyedLists.update(list, List.of(new Item("a", 1), new Item("b", 20), new Item("c", 3)), ID);

        assertThat(seen).containsExactly("replaced 1..2");
        assertThat(list).containsExactly(new Item("a", 1), new Item("b", 20), new Item("c", 3));
    }

    @Test
    @DisplayName("gone elements are removed and new ones inserted where the new list has them")
    void removesAndInserts() {
        ObservableList<Item> list =
                FXCollections.observableArrayList(new Item("a", 1), new Item("b", 2), new Item("c", 3));
        List<String> seen = record(list);
        List<Item> next = List.of(new Item("a", 1), new Item("x", 9), new Item("c", 4), new Item("z", 0));

        KeyedLists.update(list, next, ID);

        assertThat(list).containsExactlyElementsOf(next);
        assertThat(seen).containsExactly("removed 1", "added 1..2", "replaced 2..3", "added 3..4");
    }

    @Test
    @DisplayName("a reorder or a wholesale change ends in the new list too (one setAll)")
    void reorderAndWholesale() {
        ObservableList<Item> list =
                FXCollections.observableArrayList(new Item("a", 1), new Item("b", 2), new Item("c", 3));
        KeyedLists.update(list, List.of(new Item("c", 3), new Item("a", 1), new Item("b", 2)), ID);
        assertThat(list).extracting(Item::id).containsExactly("c", "a", "b");

        List<Item> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new Item("n" + i, i));
        }
        List<String> seen = record(list);
        KeyedLists.update(list, many, ID);
        assertThat(list).containsExactlyElementsOf(many);
        assertThat(seen).hasSize(1);
        KeyedLists.update(list, List.of(), ID);
        assertThat(list).isEmpty();
    }

    static <T> List<String> record(ObservableList<T> list) {
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasReplaced()) {
                    seen.add("replaced " + c.getFrom() + ".." + c.getTo());
                } else if (c.wasAdded()) {
                    seen.add("added " + c.getFrom() + ".." + c.getTo());
                } else if (c.wasRemoved()) {
                    seen.add("removed " + c.getFrom());
                }
            }
        });
        return seen;
    }
}
