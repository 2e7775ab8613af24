package org.jpledger.training.service.csv;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/**
 * The CSV form of a completion: its columns, the check of a header row, and a data row turned into the JSON item a
 * batch holds, so that a row is read, validated and recorded exactly like a batch item.
 */
public final class CompletionCsv {

    /** The CSV columns: the fields of a completion request. */
    public static final List<String> COLUMNS = List.of("nip", "title", "kindId", "competencyType", "deliveryMode",
            "provider", "startDate", "endDate", "jp", "days", "international", "certificateNumber", "sourceSystem",
            "externalId");
    private static final List<String> REQUIRED = List.of("nip", "title", "kindId", "competencyType", "deliveryMode",
            "provider", "startDate", "endDate", "sourceSystem", "externalId");

    private CompletionCsv() {
    }

    /** Refuses a header naming an unknown column or one twice, or missing a required column. */
    public static void checkHeader(List<String> header) {
        FieldErrors errors = new FieldErrors();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add("header", "unknown column '" + column + "'; the columns are " + String.join(", ", COLUMNS));
            } else if (!seen.add(column)) {
                // Otherwise the row's last cell of the column would silently win over the others.
                errors.add("header", "column '" + column + "' is named more than once");
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                errors.add("header", "missing required column '" + column + "'");
            }
        }
        errors.throwIfAny();
    }

    /**
     * The row as a batch item: an empty cell is absent, with ';' as delimiter jp takes a decimal comma, and a cell
     * beyond the header's columns is named as an unexpected column for validation to refuse.
     */
    public static ObjectNode toJson(List<String> header, List<String> record, char delimiter) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            String value = record.get(i).trim();
            if (value.isEmpty()) {
                continue;
            }
            if (delimiter == ';' && header.get(i).equals("jp")) {
                value = value.replace(',', '.');
            }
            item.put(header.get(i), value);
        }
        if (record.size() > header.size()) {
            item.put("unexpectedColumn" + (header.size() + 1), record.get(header.size()));
        }
        return item;
    }

    /** The header's name of {@code column} (from 0), or the name a cell beyond the header's columns goes by. */
    public static String columnName(List<String> header, int column) {
        return column < header.size() ? header.get(column) : "unexpectedColumn" + (column + 1);
    }
}
