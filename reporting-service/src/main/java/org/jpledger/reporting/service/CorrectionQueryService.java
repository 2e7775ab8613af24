package org.jpledger.reporting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.api.ComplianceFigures;
import org.jpledger.reporting.api.CorrectionPage;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.closing.standing.ClosingLookup;
import org.jpledger.reporting.closing.standing.CorrectionRepository;
import org.jpledger.reporting.closing.standing.StandingClosing;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.RatedEmployee;
import org.jpledger.reporting.projection.UnitFigures;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * Lists a closed year's late corrections, scoped to the caller's units, each with its effect: the employee's status
 * and their unit's figures as closed and as they are now.
 */
@ApplicationScoped
public class CorrectionQueryService {

    private static final String KIND = "corrections";

    private final CorrectionRepository corrections;
    private final ClosingLookup closings;
    private final ComplianceRepository compliance;
    private final UnitAccess access;
    private final Clock clock;
    private final ObjectMapper mapper;

    public CorrectionQueryService(CorrectionRepository corrections, ClosingLookup closings,
            ComplianceRepository compliance, UnitAccess access, Clock clock, ObjectMapper mapper) {
        this.corrections = corrections;
        this.closings = closings;
        this.compliance = compliance;
        this.access = access;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** One page of the year's corrections, newest first, after the cursor {@code after}. */
    @Transactional
    public CorrectionPage list(int year, String unitCode, String after, int limit) {
        Collection<String> roots;
        if (unitCode != null) {
            if (!access.covers(unitCode)) {
                throw new ResourceNotFoundException("No unit with this code is known to reporting within your units.");
            }
            roots = List.of(unitCode);
        } else {
            UnitScope scope = access.scope();
            roots = scope.isAll() ? null : scope.roots();
        }
        List<CorrectionRepository.Correction> rows = corrections.newestFirst(year, roots, position(after), limit);
        boolean more = rows.size() > limit;
        List<CorrectionRepository.Correction> page = more ? rows.subList(0, limit) : rows;
        Map<Long, StandingClosing> standing = new HashMap<>();
        closings.standing(List.of(year)).forEach(c -> standing.put(c.id(), c));
        ComplianceRepository.YearPolicies policies = compliance.policiesOf(year);
        var today = TrainingCalendar.today(clock);
        Map<String, CorrectionPage.UnitEffect> units = new HashMap<>();
        List<CorrectionPage.Correction> items = page.stream().map(row -> {
            StandingClosing closing = standing.get(row.closingId());
            ComplianceStatus live = compliance.employee(row.nip(), year, policies, today).map(RatedEmployee::status)
                    .orElse(ComplianceStatus.NOT_EMPLOYED);
            CorrectionPage.EmployeeEffect employee = new CorrectionPage.EmployeeEffect(row.nip(), row.name(),
                    row.closedStatus() == null ? null : ComplianceStatus.valueOf(row.closedStatus()), live);
            String unit = row.unitCode();
            CorrectionPage.UnitEffect effect = unit == null ? null : units.computeIfAbsent(row.closingId() + "/" + unit,
                    key -> unitEffect(row.closingId(), unit, year, policies, today));
            return new CorrectionPage.Correction(new CorrectionPage.ClosingRef(closing.unitCode(), closing.version()),
                    row.completionId(), row.version(), row.change().name(), row.title(), row.recognizedJpBefore(),
                    row.recognizedJpAfter(), row.changedBy(), row.changedAt(), employee, effect);
        }).toList();
        CorrectionRepository.Correction last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? Cursor.encode(KIND, Long.toString(last.id()), last.changedAt().toString()) : null;
        return new CorrectionPage(year, items, next);
    }

    /** The unit's figures in the closing (absent without a row of it there) and now. */
    private CorrectionPage.UnitEffect unitEffect(long closingId, String code, int year,
            ComplianceRepository.YearPolicies policies, java.time.LocalDate today) {
        return closings.unitAnswer(closingId, code).map(answer -> {
            UnitComplianceResponse.UnitRow closed = read(answer).unit();
            UnitFigures live = compliance.figuresBelow(code, year, policies, today).values().stream()
                    .reduce(UnitFigures.NONE, UnitFigures::plus);
            return new CorrectionPage.UnitEffect(code, closed.name(), CorrectionPage.Figures.of(closed.figures()),
                    CorrectionPage.Figures.of(ComplianceFigures.of(live)));
        }).orElse(null);
    }

    private UnitComplianceResponse read(String answer) {
        try {
            return mapper.readValue(answer, UnitComplianceResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a closing's unit row is not a unit answer", e);
        }
    }

    private static CorrectionRepository.Position position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            List<String> parts = Cursor.decode(cursor, KIND, 2);
            return new CorrectionRepository.Position(Instant.parse(parts.get(1)), Long.parseLong(parts.get(0)));
        } catch (RuntimeException e) {
            // Refused as a cursor, or not a time and id: either way no earlier page gave it out.
            throw InvalidRequestException.of("after", Cursor.REFUSAL);
        }
    }
}
