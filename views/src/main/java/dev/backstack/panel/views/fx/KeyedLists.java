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
 * not a deep {@code equals} nor a key (an equal copy costs an {@code equals}, still no key). When the keys are reordered, or when so much changed that
 * single changes would cost more than starting again, the list is {@code setAll} once.
 */
public final class KeyedLists {

    /** Above this many insertions and removals, one {@code setAll} is cheaper for listeners than single changes. */
    static final int MAX_SINGLE_CHANGES = 32;

    private KeyedLists() {}

    /**
     * Makes {@code list} equal to {@code next}. Call on the thread that owns the list (the FX
     * thread for a shown one).
     *
     * @param key what identifies an element across snapshots (an id, a namespace and name)
     */
    public static <T> void update(ObservableList<T> list, List<? extends T> next, Function<? super T, ?> key) {
        if (list.size() == next.size()) {
            int[] changed = changedInPlace(list, next, key);
            if (changed != null) {
                for (int i : changed) {
                    list.set(i, next.get(i));
                }
                return;
            }
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

    /**
     * The positions whose element changed value but kept its key; {@code null} when some position
     * holds another key (then the list needs insertions, removals or a reorder). An element costs
     * a reference comparison when it is the same instance, an {@code equals} when it is not, and
     * its key only when it changed.
     */
    private static <T> int[] changedInPlace(List<T> list, List<? extends T> next, Function<? super T, ?> key) {
        int[] changed = new int[8];
        int count = 0;
        for (int i = 0; i < next.size(); i++) {
            T now = list.get(i);
            T then = next.get(i);
            if (now == then || now.equals(then)) {
                continue;
            }
            if (!Objects.equals(key.apply(now), key.apply(then))) {
                return null;
            }
            if (count == changed.length) {
                changed = java.util.Arrays.copyOf(changed, count * 2);
            }
            changed[count++] = i;
        }
        return java.util.Arrays.copyOf(changed, count);
    }

    private static <T> List<Object> keys(List<? extends T> list, Function<? super T, ?> key) {
        List<Object> keys = new ArrayList<>(list.size());
        for (T t : list) {
            keys.add(key.apply(t));
        }
        return keys;
    }
}
