package org.jpledger.reporting.export;

/**
 * How an export file is laid out: format, header language, and for CSV the separator and byte-order mark. With
 * {@code ;} as separator decimals take a comma, as Excel in the Indonesian locale reads them.
 */
public record ExportLayout(ExportFormat format, boolean english, boolean bom, char separator) {

    public static final ExportLayout DEFAULT = new ExportLayout(ExportFormat.CSV, false, false, ',');

    public boolean decimalComma() {
        return separator == ';';
    }
}
