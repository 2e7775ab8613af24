package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An export file ready to be written once to a response: what {@code rest/ExportStreams} streams and makes sure ends,
 * whether written or not.
 */
public interface StreamedExport {

    /** The file's name, for the logs. */
    String fileName();

    /** Writes the whole file, then ends the export, also when writing fails. */
    void writeTo(OutputStream out) throws IOException;

    /** Ends the export unless it is being (or was) written; true when it ended it. */
    boolean closeUnlessWriting();
}
