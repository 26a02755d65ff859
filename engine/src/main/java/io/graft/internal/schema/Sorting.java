package io.graft.internal.schema;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/** Normalisation shared by the model's records: copies, sorted where order carries no meaning. */
final class Sorting {

    private Sorting() {
    }

    static <T> List<T> byName(List<T> items, Function<T, String> name) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                .sorted(Comparator.comparing(name, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    static SortedMap<String, String> copy(Map<String, String> map) {
        return map == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
