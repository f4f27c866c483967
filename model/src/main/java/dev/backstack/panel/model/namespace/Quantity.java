package dev.backstack.panel.model.namespace;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 500m}, {@code 2}, {@code 512Mi}, {@code 1.5Gi},
 * {@code 1e3}) as the API server reads it: a number with a binary suffix (Ki to Ei), a decimal
 * suffix (n, u, m, k, M, G, T, P, E) or an exponent. Immutable; compares by value, so
 * {@code 1Gi > 1G} and {@code 1000m == 1}.
 *
 * @param text  the quantity as written
 * @param value its value in base units (cores, bytes, items)
 */
public record Quantity(String text, BigDecimal value) implements Comparable<Quantity> {

    private static final Pattern FORMAT =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(2).pow(10)),
            Map.entry("Mi", BigDecimal.valueOf(2).pow(20)),
            Map.entry("Gi", BigDecimal.valueOf(2).pow(30)),
            Map.entry("Ti", BigDecimal.valueOf(2).pow(40)),
            Map.entry("Pi", BigDecimal.valueOf(2).pow(50)),
            Map.entry("Ei", BigDecimal.valueOf(2).pow(60)));

    public Quantity {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Reads a quantity.
     *
     * @throws IllegalArgumentException saying what is wrong and giving examples
     */
    public static Quantity parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = FORMAT.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException(
                    "\"" + t + "\" is not a Kubernetes quantity (such as 500m, 2, 512Mi or 1Gi)");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal value = suffix.startsWith("e") || suffix.startsWith("E")
                ? number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)))
                : number.multiply(SUFFIXES.get(suffix));
        return new Quantity(t, value);
    }

    /** The quantity, or empty when the text is not one. */
    public static Optional<Quantity> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with a positive quantity typed for {@code field}, or empty when it is fine. */
    public static Optional<String> problem(String field, String text) {
        try {
            Quantity q = parse(text);
            return q.value().signum() > 0
                    ? Optional.empty()
                    : Optional.of(field + ": must be more than zero, not " + q.text());
        } catch (IllegalArgumentException e) {
            return Optional.of(field + ": " + e.getMessage());
        }
    }

    /**
     * The quantity as the API server stores and returns it (its canonical form), so that what the
     * panel applies reads back unchanged: {@code 0.5} is {@code 500m}, {@code 1000m} is {@code 1},
     * {@code 2000} is {@code 2k}, {@code 1.5Gi} is {@code 1536Mi}, {@code 1024Mi} is {@code 1Gi},
     * {@code 512Ki} stays, a binary amount under 1024 is written in decimal. Values finer than
     * a nano-unit round up, as the API server rounds them; a binary amount that is not whole rounds
     * up to a whole unit.
     */
    public String canonical() {
        String suffix = text.replaceFirst("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)", "");
        boolean binary = suffix.endsWith("i");
        boolean exponent = suffix.startsWith("e") || suffix.startsWith("E");
        BigDecimal v = value.setScale(9, java.math.RoundingMode.CEILING).stripTrailingZeros();
        if (binary && v.abs().compareTo(BigDecimal.valueOf(1024)) >= 0) {
            return binary(v.setScale(0, java.math.RoundingMode.CEILING));
        }
        return decimal(v, exponent);
    }

    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final Map<Integer, String> DECIMAL =
            Map.of(-9, "n", -6, "u", -3, "m", 0, "", 3, "k", 6, "M", 9, "G", 12, "T", 15, "P", 18, "E");

    private static String binary(BigDecimal whole) {
        java.math.BigInteger n = whole.toBigIntegerExact();
        java.math.BigInteger k = java.math.BigInteger.valueOf(1024);
        int i = 0;
        while (i < BINARY.length - 1 && n.signum() != 0 && n.mod(k).signum() == 0) {
            n = n.divide(k);
            i++;
        }
        return n + BINARY[i];
    }

    private static String decimal(BigDecimal v, boolean exponent) {
        if (v.signum() == 0) {
            return "0";
        }
        for (int e = 18; e >= -9; e -= 3) {
            BigDecimal mantissa = v.movePointLeft(e);
            if (mantissa.stripTrailingZeros().scale() <= 0) {
                String m =
                        mantissa.setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString();
                return m + (exponent ? (e == 0 ? "" : "e" + e) : DECIMAL.get(e));
            }
        }
        throw new IllegalStateException("unreachable: a value rounded to nano-units has a whole mantissa at 1e-9");
    }

    @Override
    public int compareTo(Quantity o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return text;
    }
}
