package org.jpledger.reporting.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jpledger.reporting.api.EmployeeCursor;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.EmployeeFilter;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.InvalidRequestException;

/** The query parameters of a list of employees with their figures: year, statuses, search, order and page. */
@ListingPageSize
public class EmployeeListParams extends FiguresViewParam {

    static final int MAX_SEARCH = 100;

    @Parameter(description = "Only employees of these statuses, comma-separated: COMPLIANT, ON_TRACK, AT_RISK, NOT_MET, "
            + "EXEMPT, LEFT_SERVICE (AT_RISK,NOT_MET: those behind; LEFT_SERVICE: leavers a policy excludes)")
    @QueryParam("status")
    String status;

    @Parameter(description = "Only employees whose NIP starts with this text (digits, spaces between them allowed) or "
            + "whose name contains it (any other text; case ignored); at most " + MAX_SEARCH + " characters")
    @QueryParam("search")
    @Size(max = MAX_SEARCH, message = "must be at most " + MAX_SEARCH + " characters")
    @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE)
    String search;

    @Parameter(description = "totalJp (default, lowest first), -totalJp, name or -name")
    @QueryParam("sort")
    String sort;

    @BeanParam
    PageParameters page;

    /** Puts what the list was asked for into the audit trail: reading employees' figures is itself audited. */
    void describe(AuditTrail trail) {
        for (var parameter : new Object[][] {{"year", year}, {"status", status}, {"search", search}, {"sort", sort},
                {"view", view}}) {
            if (parameter[1] != null) {
                trail.detail((String) parameter[0], parameter[1]);
            }
        }
    }

    EmployeeFilter filter() {
        return new EmployeeFilter(statuses(), search);
    }

    EmployeeOrder order() {
        return sort == null ? EmployeeOrder.TOTAL_JP : EmployeeOrder.ofParameter(sort)
                .orElseThrow(() -> InvalidRequestException.of("sort", "must be one of " + Arrays
                        .stream(EmployeeOrder.values()).map(EmployeeOrder::parameter).collect(Collectors.joining(", "))));
    }

    /** Where the page starts: after the cursor's position, which must be of {@code order}. */
    EmployeeOrder.Position after(EmployeeOrder order) {
        String cursor = page == null ? null : page.cursor();
        return cursor == null ? null : EmployeeCursor.decode(cursor, order);
    }

    int limit() {
        return page == null ? PageSize.LISTING.standard() : page.limit(PageSize.LISTING);
    }

    private Set<ComplianceStatus> statuses() {
        if (status == null) {
            return Set.of();
        }
        Set<ComplianceStatus> values = EnumSet.noneOf(ComplianceStatus.class);
        for (String one : status.split(",", -1)) {
            values.add(statusOf(one.strip()));
        }
        return values;
    }

    private static ComplianceStatus statusOf(String status) {
        try {
            ComplianceStatus value = ComplianceStatus.valueOf(status);
            if (value != ComplianceStatus.NOT_EMPLOYED) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw InvalidRequestException.of("status",
                "must be one or more of COMPLIANT, ON_TRACK, AT_RISK, NOT_MET, EXEMPT, LEFT_SERVICE, comma-separated");
    }
}
