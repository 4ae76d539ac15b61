package io.azdp.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for record components. Not API: used by the model records only.
 * Unlike {@link List#copyOf}, these keep {@code null} (absent in JSON) as {@code null} and tolerate null elements.
 */
public final class Immutables {
    private Immutables() {
    }

    public static <T> List<T> list(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
