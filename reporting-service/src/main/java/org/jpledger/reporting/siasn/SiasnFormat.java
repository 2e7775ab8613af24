package org.jpledger.reporting.siasn;

import org.jpledger.reporting.export.ExportFormat;

/** The formats a SIASN file is written in: the export formats, and JSON lines as an integration script posts them. */
public enum SiasnFormat {
    CSV(ExportFormat.CSV.mediaType(), "csv"),
    XLSX(ExportFormat.XLSX.mediaType(), "xlsx"),
    JSONL("application/jsonl; charset=UTF-8", "jsonl");

    private final String mediaType;
    private final String extension;

    SiasnFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format of a file extension or query value, or null for none of them. */
    public static SiasnFormat of(String name) {
        for (SiasnFormat format : values()) {
            if (format.extension.equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }
}
