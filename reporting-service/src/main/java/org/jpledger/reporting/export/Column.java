package org.jpledger.reporting.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One column of an export: its header in Bahasa Indonesia (the default) and in English. A coded column holds codes
 * (statuses, employment types, ...): in an Indonesian file each code is written as its Indonesian name ({@code labels})
 * followed, when {@code withCode}, by a column of the codes headed "Kode ..."; an English file writes the codes.
 */
public record Column(String indonesian, String english, Map<String, String> labels, boolean withCode) {

    /** A column written as it is read. */
    public Column(String indonesian, String english) {
        this(indonesian, english, null, false);
    }

    /** A column of the codes of {@code values}, each named by {@code label} in Indonesian, then the codes again. */
    static <E extends Enum<E>> Column coded(String indonesian, String english, E[] values, Function<E, String> label) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (E value : values) {
            labels.put(value.name(), label.apply(value));
        }
        return new Column(indonesian, english, Map.copyOf(labels), true);
    }

    public String header(boolean inEnglish) {
        return inEnglish ? english : indonesian;
    }

    /** Whether an Indonesian file writes this column's values under other names. */
    public boolean coded() {
        return labels != null;
    }

    /** The headers this column takes in a file: its own, then in an Indonesian file its codes' when it has them. */
    List<String> headers(boolean inEnglish) {
        return !inEnglish && withCode ? List.of(indonesian, "Kode " + indonesian) : List.of(header(inEnglish));
    }

    /** The Indonesian name of {@code code}; an unknown code (data older than the reference) as it is; null as null. */
    Object label(Object code) {
        return code == null ? null : labels.getOrDefault(code.toString(), code.toString());
    }
}
