package dev.backstack.panel.views.fx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ObservableList;

/**
 * Brings an observable list to a new state with as few changes as it takes, matching elements by
 * a key: an element whose value changed is replaced in place ({@code set(i, x)}), one that
 * disappeared is removed, one that appeared is inserted, the order is the new list's. Listeners
 * (tables, sorted views) then see one small change where a {@code setAll} would make them redo
 * the whole list.
 *
 * <p>Model records are immutable and a snapshot reuses the instances of what did not change, so
 * elements are compared by identity first: an unchanged element costs a reference comparison,
 * not a deep {@code equals} nor a key. When the keys are reordered, or when so much changed that
 * single changes would cost more than starting again, the list is {@code setAll} once.
 */
public final class KeyedLists {

    /** Above this many insertions and removals, one {@code setAll} is cheaper for listeners than single changes. */
    static final int MAX_SINGLE_CHANGES = 32;

    private KeyedLists() {
    }

    /**
     * Makes {@code list} equal to {@code next}. Call on the thread that owns the list (the FX
     * thread for a shown one).
     *
     * @param key what identifies an element across snapshots (an id, a namespace and name)
     */
    public static <T> void update(ObservableList<T> list, List<? extends T> next, Function<? super T, ?> key) {
        if (list.size() == next.size() && samePlaces(list, next, key)) {
            for (int i = 0; i < next.size(); i++) {
                T now = list.get(i);
                T then = next.get(i);
                if (now != then && !now.equals(then)) {
                    list.set(i, then);
                }
            }
            return;
        }
        List<Object> oldKeys = keys(list, key);
        List<Object> newKeys = keys(next, key);
        Set<Object> oldSet = new HashSet<>(oldKeys);
        Set<Object> newSet = new HashSet<>(newKeys);
        if (oldSet.size() != oldKeys.size() || newSet.size() != newKeys.size()) {
            list.setAll(next); // duplicate keys: nothing to match by
            return;
        }
        List<Object> keptOld = oldKeys.stream().filter(newSet::contains).toList();
        List<Object> keptNew = newKeys.stream().filter(oldSet::contains).toList();
        int changes = (oldKeys.size() - keptOld.size()) + (newKeys.size() - keptNew.size());
        if (!keptOld.equals(keptNew) || changes > MAX_SINGLE_CHANGES) {
            list.setAll(next);
            return;
        }
        for (int i = oldKeys.size() - 1; i >= 0; i--) {
            if (!newSet.contains(oldKeys.get(i))) {
                list.remove(i);
                oldKeys.remove(i);
            }
        }
        for (int i = 0; i < next.size(); i++) {
            T then = next.get(i);
            if (i >= oldKeys.size() || !Objects.equals(oldKeys.get(i), newKeys.get(i))) {
                list.add(i, then);
                oldKeys.add(i, newKeys.get(i));
            } else {
                T now = list.get(i);
                if (now != then && !now.equals(then)) {
                    list.set(i, then);
                }
            }
        }
    }

    /** Whether every position holds the same key in both lists; computes keys only where the elements differ. */
    private static <T> boolean samePlaces(List<T> list, List<? extends T> next, Function<? super T, ?> key) {
        for (int i = 0; i < next.size(); i++) {
            T now = list.get(i);
            T then = next.get(i);
            if (now != then && !Objects.equals(key.apply(now), key.apply(then))) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<Object> keys(List<? extends T> list, Function<? super T, ?> key) {
        List<Object> keys = new ArrayList<>(list.size());
        for (T t : list) {
            keys.add(key.apply(t));
        }
        return keys;
    }
}
