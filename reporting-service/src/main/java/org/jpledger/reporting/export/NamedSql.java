package org.jpledger.reporting.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written with {@code :name} parameters (as the projections' queries are) prepared for plain JDBC, which the
 * exports use to hold one transaction and one cursor open while the file streams out. {@code ::type} casts are left
 * alone.
 */
public record NamedSql(String jdbc, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z]\\w*)");

    public static NamedSql of(String sql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        return new NamedSql(jdbc.toString(), List.copyOf(names));
    }

    /** The statement with every parameter bound from {@code values}; collections become text arrays. */
    public PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = values.get(name);
            if (value instanceof Collection<?> collection) {
                statement.setArray(i + 1, connection.createArrayOf("text", collection.toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }
}
