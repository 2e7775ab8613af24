package org.jpledger.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.jpledger.reporting.api.ClosingMark;
import org.jpledger.reporting.api.ComplianceFigures;
import org.jpledger.reporting.api.EmployeeComplianceResponse;
import org.jpledger.reporting.api.EmployeeCursor;
import org.jpledger.reporting.api.EmployeePage;
import org.jpledger.reporting.api.SummaryResponse;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.closing.standing.ClosedEmployees;
import org.jpledger.reporting.closing.standing.ClosingLookup;
import org.jpledger.reporting.closing.standing.CorrectionRepository;
import org.jpledger.reporting.closing.standing.StandingClosing;
import org.jpledger.reporting.projection.EmployeeFilter;
import org.jpledger.reporting.projection.EmployeeOrder;

/**
 * Answers from a closing's snapshot rows: the answers as the compliance API gave them when the year was closed, marked
 * closed and naming the closing with the corrections since.
 */
@ApplicationScoped
public class ClosedFigures {

    private final ClosingLookup closings;
    private final ClosedEmployees employees;
    private final CorrectionRepository corrections;
    private final ObjectMapper mapper;

    public ClosedFigures(ClosingLookup closings, ClosedEmployees employees, CorrectionRepository corrections,
            ObjectMapper mapper) {
        this.closings = closings;
        this.employees = employees;
        this.corrections = corrections;
        this.mapper = mapper;
    }

    /** The closing as an answer names it, with its corrections counted now. */
    public ClosingMark mark(StandingClosing closing) {
        return closing == null ? null : new ClosingMark(closing.year(), closing.unitCode(), closing.version(),
                closing.closedAt(), closing.closedBy(), closing.note(), corrections.count(closing.id()));
    }

    /** The employee's answer stored by a closing, marked closed. */
    public EmployeeComplianceResponse employee(ClosingLookup.Covered covered) {
        return read(covered.answer(), EmployeeComplianceResponse.class).marked(true, mark(covered.closing()));
    }

    /** The unit's answer stored by a closing, marked closed. */
    public UnitComplianceResponse unit(ClosingLookup.Covered covered) {
        return read(covered.answer(), UnitComplianceResponse.class).marked(true, mark(covered.closing()));
    }

    /** A summary of one unit's subtree from the unit's answer stored by a closing (a caller of one unit sees that). */
    public SummaryResponse summaryOf(ClosingLookup.Covered covered) {
        UnitComplianceResponse unit = read(covered.answer(), UnitComplianceResponse.class);
        return new SummaryResponse(unit.year(), unit.unit().figures(), List.of(unit.unit()), unit.asOf())
                .marked(true, mark(covered.closing()));
    }

    /**
     * The whole organisation's summary from a whole closing: its total row (the scope's figures, as a summary or a
     * unit answer holds them) and its top-level units.
     */
    public SummaryResponse summary(StandingClosing closing) {
        JsonNode total = read(closings.unitAnswer(closing.id(), "").orElseThrow(() -> new IllegalStateException(
                "closing " + closing.id() + " has no total row")), JsonNode.class);
        JsonNode figures = total.has("figures") ? total.get("figures") : total.path("unit").path("figures");
        List<UnitComplianceResponse.UnitRow> units = closings.rootAnswers(closing.id()).stream()
                .map(answer -> read(answer, UnitComplianceResponse.class).unit()).toList();
        return new SummaryResponse(closing.year(), convert(figures, ComplianceFigures.class), units,
                total.hasNonNull("asOf") ? convert(total.get("asOf"), java.time.Instant.class) : closing.closedAt())
                .marked(true, mark(closing));
    }

    /** One page of a closing's employees in the roots' subtrees (all of them without roots), marked closed. */
    public EmployeePage employees(StandingClosing closing, Collection<String> roots, EmployeeFilter filter,
            EmployeeOrder order, EmployeeOrder.Position after, int limit) {
        List<ClosedEmployees.Row> rows = employees.page(closing.id(), roots, filter, order, after, limit);
        boolean more = rows.size() > limit;
        List<ClosedEmployees.Row> page = more ? rows.subList(0, limit) : rows;
        ClosedEmployees.Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? EmployeeCursor.encode(order, order.positionOf(last.totalJp(), last.name(), last.nip()))
                : null;
        return new EmployeePage(closing.year(), page.stream().map(r -> new EmployeePage.EmployeeRow(r.nip(), r.name(),
                r.unitCode(), r.unitName(), r.employmentType(), r.positionLevel(), r.totalJp(), r.targetJp(),
                r.status(), r.completionCount(), r.pendingJp())).toList(), next, closing.closedAt())
                .marked(true, mark(closing));
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a closing's snapshot row is not a " + type.getSimpleName(), e);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a closing's snapshot row is not a " + type.getSimpleName(), e);
        }
    }
}
