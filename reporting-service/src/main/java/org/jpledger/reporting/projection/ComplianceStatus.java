package org.jpledger.reporting.projection;

/** Where an employee stands against the year's target, with the Indonesian name exports write ({@link #label()}). */
public enum ComplianceStatus {
    /** Total at or above the target. */
    COMPLIANT("Memenuhi"),
    /** Below the target, but at or above the target pro-rated to today within the employee's part of the year. */
    ON_TRACK("Sesuai jalur"),
    /** Below the target pro-rated to today. */
    AT_RISK("Berisiko"),
    /** Below the target, and the employee's part of the year is over. */
    NOT_MET("Tidak memenuhi"),
    /** Not in service on any day of the year: not counted (completions of that year are still shown). */
    NOT_EMPLOYED("Tidak dalam dinas"),
    /** Service ended within the year and the policy excludes leavers: not rated and not in the headcount. */
    LEFT_SERVICE("Keluar (tidak dinilai)"),
    /** Exempt on every day of their part of the year (tugas belajar, CLTN, ...): not in the headcount. */
    EXEMPT("Dikecualikan");

    private final String label;

    ComplianceStatus(String label) {
        this.label = label;
    }

    /** The Indonesian name shown in exports. */
    public String label() {
        return label;
    }
}
