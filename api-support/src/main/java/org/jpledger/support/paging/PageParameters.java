package org.jpledger.support.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * The paging query parameters every keyset-paginated listing takes ({@code @BeanParam}): the page size and the cursor
 * of the previous page, each refused with one field error when it is not one.
 */
public class PageParameters {

    // Text, not Integer: a value that is no number would be answered 404 by the framework, naming nothing.
    @Parameter(description = "Page size: a whole number from 1 to 500, 50 when absent (the audit log: 1 to 1000, 100 "
            + "when absent)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "nextCursor of the previous page; absent for the first page")
    @QueryParam("cursor")
    String cursor;

    public PageParameters() {
    }

    /** Parameters as a caller sent them, for use cases called outside a request. */
    public PageParameters(String limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    /** The page size asked for, or the listing's standard size; a size outside the listing's bounds is refused. */
    public int limit(PageSize size) {
        FieldErrors errors = new FieldErrors();
        int limit = limit(size, errors);
        errors.throwIfAny();
        return limit;
    }

    /** As {@link #limit(PageSize)}, adding the refusal to {@code errors} (and answering the standard size) instead. */
    public int limit(PageSize size, FieldErrors errors) {
        Integer value = parse(size);
        if (value == null) {
            errors.add("limit", size.rule());
            return size.standard();
        }
        return value;
    }

    /**
     * Whether the size asked for is one the listing takes, for a listing that checks its parameters as a bean (with a
     * constraint carrying {@link PageSize#rule()}), so that a bad size is named together with its other refusals.
     */
    public boolean fits(PageSize size) {
        return parse(size) != null;
    }

    private Integer parse(PageSize size) {
        if (limit == null || limit.isBlank()) {
            return size.standard();
        }
        String digits = limit.strip();
        if (digits.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(digits);
            if (value >= 1 && value <= size.max()) {
                return value;
            }
        }
        return null;
    }

    /** The cursor as sent; null when absent or blank. */
    public String cursor() {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }

    /** The key the page continues after, for a listing whose cursors carry one key; null for the first page. */
    public Long position(String kind) {
        return Cursor.position(cursor, kind);
    }

    /** As {@link #position(String)}, adding the refusal to {@code errors} (and answering null) instead. */
    public Long position(String kind, FieldErrors errors) {
        try {
            return position(kind);
        } catch (InvalidRequestException e) {
            errors.add("cursor", Cursor.REFUSAL);
            return null;
        }
    }
}
