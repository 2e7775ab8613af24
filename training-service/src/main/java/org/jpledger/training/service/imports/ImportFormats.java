package org.jpledger.training.service.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.TreeMap;
import org.jpledger.support.problem.InvalidRequestException;

/** The import formats there are, by name: every {@link ImportFormat} bean. */
@ApplicationScoped
public class ImportFormats {

    private final Map<String, ImportFormat> byName = new TreeMap<>();

    public ImportFormats(Instance<ImportFormat> formats) {
        formats.forEach(format -> byName.put(format.name(), format));
    }

    /** The format named {@code name}; an unknown name is a field error of {@code format}. */
    public ImportFormat named(String name) {
        ImportFormat format = name == null ? null : byName.get(name);
        if (format == null) {
            throw InvalidRequestException.of("format", "must be one of " + String.join(", ", byName.keySet()));
        }
        return format;
    }
}
