package org.jpledger.reporting.export;

/**
 * The text cells of every export, CSV or XLSX: a text a spreadsheet could take for a formula (one starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) goes out behind a single quote, as OWASP
 * advises against CSV injection, so a name such as {@code =HYPERLINK(...)} is shown, never run. Numbers are written as
 * numbers and never pass here.
 */
final class CellText {

    private CellText() {
    }

    /** {@code text}, or {@code '} followed by it when a spreadsheet could read it as a formula. */
    static String neutralised(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
