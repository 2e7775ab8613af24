package org.jpledger.reporting.closing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.api.ComplianceFigures;
import org.jpledger.reporting.api.EmployeeComplianceResponse;
import org.jpledger.reporting.api.EmployeeComplianceResponse.CountedCompletion;
import org.jpledger.reporting.api.SummaryResponse;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.api.UnitComplianceResponse.UnitRow;
import org.jpledger.reporting.projection.CompletionFact;
import org.jpledger.reporting.projection.CompletionFactRepository;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.jpledger.reporting.projection.Employee;
import org.jpledger.reporting.projection.EmployeeRecords;
import org.jpledger.reporting.projection.EmployeeRepository;
import org.jpledger.reporting.projection.FigureQuery;
import org.jpledger.reporting.projection.RatedEmployee;
import org.jpledger.reporting.projection.UnitFigures;
import org.jpledger.reporting.projection.YearTree;

/**
 * Rates a closing's scope (the whole organisation, or one unit's subtree) for a year from the tables of the current
 * search_path, in a few set-based queries, and hands each snapshot row to a consumer as it is made: the employees by
 * NIP (read through a cursor, a chunk at a time), then the units. It is given the policies and the day to rate as of
 * rather than reading them, so a replayed copy of the tables rated with a closing's manifest gives that closing's rows.
 * The rows answer as the compliance API does ({@code GET /compliance/employees/{nip}} and
 * {@code /compliance/units/{code}}), without {@code asOf}: the closing's manifest says what they are as of.
 */
@ApplicationScoped
public class SnapshotRater {

    /** Employees rated per chunk: the cursor's fetch, and the lookups of their records and completions. */
    static final int CHUNK = 2_000;
    /** Units whose figures one query rates (each over its own subtree); keeps the bind parameters well under 32767. */
    private static final int UNITS_PER_QUERY = 5_000;

    private final ComplianceRepository compliance;
    private final EmployeeRepository employees;
    private final CompletionFactRepository facts;
    private final EmployeeRecords records;
    private final EntityManager entityManager;

    public SnapshotRater(ComplianceRepository compliance, EmployeeRepository employees, CompletionFactRepository facts,
            EmployeeRecords records, EntityManager entityManager) {
        this.compliance = compliance;
        this.employees = employees;
        this.facts = facts;
        this.records = records;
        this.entityManager = entityManager;
    }

    /** A row of a snapshot. */
    public sealed interface Row permits EmployeeRow, UnitSnapshotRow {
    }

    /** An employee's row: {@code closing_employee} without its closing. */
    public record EmployeeRow(String nip, String unitCode, EmployeeComplianceResponse answer) implements Row {
    }

    /**
     * A unit's row: {@code closing_unit} without its closing. The row of code {@code ""} is the scope's total, its
     * answer a {@link SummaryResponse}; every other answer is a {@link UnitComplianceResponse}.
     */
    public record UnitSnapshotRow(String unitCode, String parentCode, String name, Object answer) implements Row {
    }

    /** What a rating made: the rows handed over and the recognition rule versions of the completions counted. */
    public record Rated(int employeeRows, int unitRows, SortedSet<Integer> ruleVersions) {
    }

    /**
     * Rates {@code year} for the subtree of {@code rootUnitCode} (the whole organisation when null) by the given
     * policies (the two texts of {@link ComplianceRepository#POLICY_SET}) as at the end of {@code ratedOn}, and hands
     * every row to {@code rows}: employees by NIP, then the total ({@code ""}), then the units by code.
     * <p>
     * A day is rated as once it is over: a year rated on its 31 December judges everyone whose part of the year is
     * over (NOT_MET rather than AT_RISK), as the compliance API does on any day after the year.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rated rate(int year, String rootUnitCode, LocalDate ratedOn, String policies, String governing,
            Consumer<Row> rows) {
        YearPolicies terms = new YearPolicies(policies, governing);
        LocalDate day = ratedOn.plusDays(1);
        FigureQuery scope = rootUnitCode == null ? FigureQuery.all() : FigureQuery.subtrees(List.of(rootUnitCode));
        SortedSet<Integer> ruleVersions = new TreeSet<>();
        int employeeRows = 0;
        try (Stream<RatedEmployee> rated = compliance.employeesByNip(scope, year, terms, day, CHUNK)) {
            Iterator<RatedEmployee> it = rated.iterator();
            List<RatedEmployee> chunk = new ArrayList<>(CHUNK);
            while (it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == CHUNK || !it.hasNext()) {
                    employeeRows += employeeRows(chunk, year, ruleVersions, rows);
                    chunk.clear();
                }
            }
        }
        int unitRows = unitRows(year, rootUnitCode, terms, day, rows);
        return new Rated(employeeRows, unitRows, ruleVersions);
    }

    private int employeeRows(List<RatedEmployee> chunk, int year, SortedSet<Integer> ruleVersions,
            Consumer<Row> rows) {
        List<String> nips = chunk.stream().map(RatedEmployee::nip).toList();
        Map<String, Employee> byNip = new HashMap<>();
        employees.list("nip in ?1", nips).forEach(e -> byNip.put(e.nip, e));
        Map<String, List<CountedCompletion>> counted = new HashMap<>();
        // Latest first, as the compliance API lists them.
        for (CompletionFact fact : facts.list("nip in ?1 and year = ?2 and status = ?3 and verification <> ?4 "
                + "order by nip, endDate desc, completionId", nips, year, CompletionStatus.ACTIVE,
                VerificationState.REJECTED)) {
            counted.computeIfAbsent(fact.nip, nip -> new ArrayList<>()).add(CountedCompletion.of(fact));
            if (fact.ruleVersion != null) {
                ruleVersions.add(fact.ruleVersion);
            }
        }
        for (RatedEmployee r : chunk) {
            Employee employee = byNip.get(r.nip());
            rows.accept(new EmployeeRow(r.nip(), r.unitCode(), EmployeeComplianceResponse.rated(r, employee,
                    records.exemptions(employee), counted.getOrDefault(r.nip(), List.of()), null)));
        }
        // The entities read for this chunk are done with: memory stays bounded by the chunk.
        entityManager.flush();
        entityManager.clear();
        return chunk.size();
    }

    private int unitRows(int year, String root, YearPolicies terms, LocalDate day, Consumer<Row> rows) {
        Map<String, UnitRow> units = unitsOf(root, year);
        Map<String, UnitFigures> figures = new HashMap<>();
        List<String> codes = new ArrayList<>(units.keySet());
        for (int from = 0; from < codes.size(); from += UNITS_PER_QUERY) {
            figures.putAll(compliance.liveFigures(
                    FigureQuery.units(codes.subList(from, Math.min(codes.size(), from + UNITS_PER_QUERY))), year,
                    terms, day));
        }
        Map<String, List<UnitRow>> children = new LinkedHashMap<>();
        units.values().forEach(unit -> {
            if (unit.parentCode() != null && !unit.parentCode().equals(unit.code())) {
                children.computeIfAbsent(unit.parentCode(), code -> new ArrayList<>()).add(withFigures(unit, figures));
            }
        });
        SummaryResponse total;
        if (root == null) {
            List<UnitRow> tops = units.values().stream()
                    .filter(unit -> unit.parentCode() == null || !units.containsKey(unit.parentCode()))
                    .map(unit -> withFigures(unit, figures)).toList();
            total = new SummaryResponse(year, ComplianceFigures.of(compliance.liveFigures(FigureQuery.all(), year,
                    terms, day).getOrDefault("", UnitFigures.NONE)), tops, null);
        } else {
            UnitRow top = withFigures(units.get(root), figures);
            total = new SummaryResponse(year, top.figures(), List.of(top), null);
        }
        rows.accept(new UnitSnapshotRow("", null, "", total));
        // By code in UTF-16 order (the C collation for ASCII codes), whatever the database's collation.
        List<String> byCode = new ArrayList<>(codes);
        byCode.sort(null);
        for (String code : byCode) {
            UnitRow unit = withFigures(units.get(code), figures);
            rows.accept(new UnitSnapshotRow(code, unit.parentCode(), unit.name(), new UnitComplianceResponse(year,
                    unit, children.getOrDefault(code, List.of()), null)));
        }
        return byCode.size() + 1;
    }

    /**
     * The units of the scope in the year's tree (every unit existing on its 31 December, or those of the subtree of
     * {@code root}), with their names and parents then, in the order the compliance API lists children (by name, then
     * code, in the database's collation), without figures.
     */
    private Map<String, UnitRow> unitsOf(String root, int year) {
        Query query;
        if (root == null) {
            query = entityManager.createNativeQuery("WITH RECURSIVE " + YearTree.CTES + " scoped AS (SELECT 1) "
                    + "SELECT t.code, t.name, t.parent_code FROM tree t ORDER BY t.name, t.code");
        } else {
            FigureQuery subtree = FigureQuery.subtrees(List.of(root));
            query = entityManager.createNativeQuery("WITH RECURSIVE " + subtree.units() + " scoped AS (SELECT 1) "
                    + "SELECT t.code, t.name, t.parent_code FROM tree t WHERE t.code IN " + subtree.counted()
                    + " ORDER BY t.name, t.code");
            subtree.parameters().forEach(query::setParameter);
        }
        query.setParameter("year", year);
        Map<String, UnitRow> units = new LinkedHashMap<>();
        for (Object[] row : results(query)) {
            units.put((String) row[0], new UnitRow((String) row[0], (String) row[1], (String) row[2], null));
        }
        return units;
    }

    private static UnitRow withFigures(UnitRow unit, Map<String, UnitFigures> figures) {
        return new UnitRow(unit.code(), unit.name(), unit.parentCode(),
                ComplianceFigures.of(figures.getOrDefault(unit.code(), UnitFigures.NONE)));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query) {
        return query.getResultList();
    }
}
