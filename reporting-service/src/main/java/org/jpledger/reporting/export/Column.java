package org.jpledger.reporting.export;

/** One column of an export: its header in Bahasa Indonesia (the default) and in English. */
public record Column(String indonesian, String english) {

    public String header(boolean inEnglish) {
        return inEnglish ? english : indonesian;
    }
}
