package org.jpledger.support.paging;

/** How many rows a page of a listing holds when the caller names no size, and at most. */
public record PageSize(int standard, int max) {

    /** The start of every size refusal's reason; the listing's maximum follows. */
    public static final String RULE = "must be a whole number from 1 to ";

    /** The largest page of every listing but the audit log. */
    public static final int LISTING_MAX = 500;

    /** {@link #rule()} of {@link #LISTING}, as a constant for constraint annotations. */
    public static final String LISTING_RULE = RULE + LISTING_MAX;

    /** Every listing's page size but the audit log's. */
    public static final PageSize LISTING = new PageSize(50, LISTING_MAX);

    /** The audit log's: its rows are small and an auditor reads many at once. */
    public static final PageSize AUDIT_LOG = new PageSize(100, 1000);

    /** The one reason a size outside 1 to {@link #max} is refused with. */
    public String rule() {
        return RULE + max;
    }
}
