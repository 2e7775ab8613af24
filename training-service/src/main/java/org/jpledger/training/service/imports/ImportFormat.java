package org.jpledger.training.service.imports;

import java.io.InputStream;

/**
 * One format of completion import files (CSV, JSON lines, ...): reads a file's bytes into data rows, each with its row
 * number and either the completion request it holds or why it is refused. A format is a bean: adding one is adding a
 * class, found by its {@link #name()} as the {@code format} of an import job.
 */
public interface ImportFormat {

    /** The name a client gives as {@code format}, e.g. {@code csv}. */
    String name();

    /**
     * Starts reading a file. A file whose start already refuses it as a whole (a wrong header, not UTF-8) throws the
     * refusal ({@code InvalidRequestException}, {@code PayloadTooLargeException}) before any row is read.
     */
    RowSource open(InputStream file);
}
