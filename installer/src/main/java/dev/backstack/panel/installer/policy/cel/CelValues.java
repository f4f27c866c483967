package dev.backstack.panel.installer.policy.cel;

import dev.cel.common.values.NullValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values (as Jackson and fabric8 read them) as the CEL values Kubernetes gives its
 * expressions: whole numbers are CEL {@code int} (Long), only real fractions stay {@code double};
 * JSON null is CEL {@code null}; maps and lists are copied, read-only. Pure; any thread.
 */
final class CelValues {

    private CelValues() {}

    /** A deep, read-only copy of {@code value} with the numbers Kubernetes would hand to CEL. */
    static Object of(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(of(v)));
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value == null ? NullValue.NULL_VALUE : value;
    }

    /** {@link #of(Object)} for an object or null. */
    static Map<String, Object> map(Map<?, ?> map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        map.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object number(Number n) {
        if (n instanceof Long) {
            return n;
        }
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        if (n instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
        }
        double d = n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue();
        boolean whole = !Double.isInfinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63;
        return whole ? (Object) (long) d : (Object) d;
    }
}
