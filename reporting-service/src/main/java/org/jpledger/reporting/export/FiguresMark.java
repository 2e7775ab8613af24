package org.jpledger.reporting.export;

/**
 * Whether an export's figures are a closing's (CLOSED) or rated now (LIVE), and the version of the year's standing
 * closing when one stands (a hint beside live figures that the year is closed).
 */
public record FiguresMark(boolean closed, Integer closingVersion) {

    /** Live figures of a year no closing stands for. */
    public static final FiguresMark LIVE = new FiguresMark(false, null);

    /** CLOSED or LIVE. */
    public String text() {
        return closed ? "CLOSED" : "LIVE";
    }
}
