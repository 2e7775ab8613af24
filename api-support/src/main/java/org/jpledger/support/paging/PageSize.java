package org.jpledger.support.paging;

/** How many rows a page of a listing holds when the caller names no size, and at most. */
public record PageSize(int standard, int max) {

    /** Every listing's page size but the audit log's. */
    public static final PageSize LISTING = new PageSize(50, 500);

    /** The audit log's: its rows are small and an auditor reads many at once. */
    public static final PageSize AUDIT_LOG = new PageSize(100, 1000);

    /** The one reason a size outside 1 to {@link #max} is refused with. */
    public String rule() {
        return "must be a whole number from 1 to " + max;
    }
}
