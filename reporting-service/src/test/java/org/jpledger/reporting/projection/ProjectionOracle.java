package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CountingPolicy;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/**
 * What the compliance projections must hold after a stream of ledger events, computed the plain way from the newest
 * version of each unit, employee and completion: written apart from the production classes, so a test can hold them
 * to it.
 */
final class ProjectionOracle {

    static final int FIRST_YEAR = 2020;
    /** The default policy's yearly target, in whole JP. */
    private static final long TARGET_JP = 20;

    /**
     * One employee_year row, with every JP figure in its shortest scale so that 17 and 17.00 compare equal; the exempt
     * stretches as the set of the days they cover.
     */
    record Row(String nip, int year, String unitCode, String employmentType, String positionLevel,
            LocalDate windowFrom, LocalDate windowUntil, BigDecimal totalJp, BigDecimal jpTeknis,
            BigDecimal jpManajerial, BigDecimal jpSosialKultural, BigDecimal jpKlasikal, BigDecimal jpNonklasikal,
            BigDecimal jpLuring, BigDecimal jpDaring, BigDecimal jpBlended, int completionCount,
            LocalDate lastCompletionDate, int exemptDays, Set<LocalDate> exemptOn, String leavingReason,
            BigDecimal contractYearJp, BigDecimal verifiedJp, BigDecimal trustedJp, BigDecimal flaggedJp,
            BigDecimal contractYearVerifiedJp, BigDecimal contractYearTrustedJp) {

        Row {
            totalJp = exact(totalJp);
            contractYearJp = exact(contractYearJp);
            verifiedJp = exact(verifiedJp);
            trustedJp = exact(trustedJp);
            flaggedJp = exact(flaggedJp);
            contractYearVerifiedJp = exact(contractYearVerifiedJp);
            contractYearTrustedJp = exact(contractYearTrustedJp);
            jpTeknis = exact(jpTeknis);
            jpManajerial = exact(jpManajerial);
            jpSosialKultural = exact(jpSosialKultural);
            jpKlasikal = exact(jpKlasikal);
            jpNonklasikal = exact(jpNonklasikal);
            jpLuring = exact(jpLuring);
            jpDaring = exact(jpDaring);
            jpBlended = exact(jpBlended);
        }

        static final Comparator<Row> ORDER = Comparator.comparing(Row::nip).thenComparingInt(Row::year);

        /** The JP counted under {@code counting}: of the completions whose state it counts (none rejected here). */
        BigDecimal counted(CountingPolicy counting) {
            return switch (counting) {
                case ALL -> totalJp;
                case VERIFIED_ONLY -> verifiedJp;
                case VERIFIED_OR_TRUSTED -> verifiedJp.add(trustedJp);
            };
        }

        /** The contract year's JP counted under {@code counting}; null without a contract year. */
        BigDecimal contractCounted(CountingPolicy counting) {
            return contractYearJp == null ? null : switch (counting) {
                case ALL -> contractYearJp;
                case VERIFIED_ONLY -> contractYearVerifiedJp;
                case VERIFIED_OR_TRUSTED -> contractYearVerifiedJp.add(contractYearTrustedJp);
            };
        }
    }

    /**
     * A unit's figures over its subtree in one year; headcount and compliant by employment type and leavers by reason
     * with every key present; the counted employees above their cap and the sum of their JP above it; the leavers
     * excluded.
     */
    record Figures(long headcount, long compliant, long onTrack, long atRisk, long notMet, BigDecimal totalJp,
            long exempt, Map<String, Long> typeHeadcount, Map<String, Long> typeCompliant, Map<String, Long> leavers,
            long aboveCap, BigDecimal jpAboveCap, long leftService, BigDecimal pendingJp, BigDecimal flaggedJp) {

        Figures {
            totalJp = exact(totalJp);
            jpAboveCap = exact(jpAboveCap);
            pendingJp = exact(pendingJp);
            flaggedJp = exact(flaggedJp);
        }
    }

    /**
     * What a policy asks, as the oracle reads it: the target in JP (hours already converted), overrides by type and
     * level, pro-rating, pacing ({@code LINEAR}, {@code QUARTERLY} with cumulative quarter fractions, {@code GRACE} with
     * its first month), whether leavers are excluded, the caps of JP per contract year by type, and which verification
     * states count.
     */
    record Terms(BigDecimal target, Map<String, BigDecimal> byType, Map<String, BigDecimal> byLevel, boolean prorate,
            String pacing, List<BigDecimal> quarters, Integer graceMonth, boolean excludeLeavers,
            Map<String, BigDecimal> caps, CountingPolicy counting) {

        /** The defaults: 20 JP, pro-rated, linear, leavers pro-rated, no caps, every completion not rejected counts. */
        static final Terms DEFAULT = new Terms(BigDecimal.valueOf(TARGET_JP), Map.of(), Map.of(), true, "LINEAR", null,
                null, false, Map.of(), CountingPolicy.ALL);
    }

    private final Map<String, UnitUpserted> units = new HashMap<>();
    /** Policies of unit subtrees by year, then unit code; the national policy is the default. */
    private final Map<Integer, Map<String, Terms>> unitPolicies = new HashMap<>();
    private final Map<String, EmployeeUpserted> employees = new HashMap<>();
    private final Map<UUID, CompletionRecorded> completions = new HashMap<>();

    /** Takes in one event: it replaces what is known only when its version is higher. */
    void apply(Object event) {
        if (event instanceof UnitUpserted unit) {
            UnitUpserted known = units.get(unit.code());
            if (known == null || unit.version() > known.version()) {
                units.put(unit.code(), unit);
            }
        } else if (event instanceof EmployeeUpserted employee) {
            EmployeeUpserted known = employees.get(employee.nip());
            if (known == null || employee.version() > known.version()) {
                employees.put(employee.nip(), employee);
            }
        } else if (event instanceof CompletionRecorded completion) {
            CompletionRecorded known = completions.get(completion.completionId());
            if (known == null || completion.version() > known.version()) {
                completions.put(completion.completionId(), completion);
            }
        } else {
            throw new IllegalArgumentException("not a ledger event: " + event);
        }
    }

    /** Rates {@code unitCode}'s subtree in {@code year} by {@code terms}, unless a unit below has a policy of its own. */
    void unitPolicy(int year, String unitCode, Terms terms) {
        unitPolicies.computeIfAbsent(year, y -> new HashMap<>()).put(unitCode, terms);
    }

    /** Every employee_year row there must be, sorted by NIP and year. */
    List<Row> rows(int currentYear) {
        Map<String, Set<Integer>> years = new HashMap<>();
        employees.values().forEach(employee -> {
            if (employee.employedFrom() != null) {
                int last = employee.employedUntil() == null ? currentYear
                        : Math.min(employee.employedUntil().getYear(), currentYear);
                for (int year = Math.max(employee.employedFrom().getYear(), FIRST_YEAR); year <= last; year++) {
                    years.computeIfAbsent(employee.nip(), nip -> new TreeSet<>()).add(year);
                }
            }
        });
        completions.values().stream().filter(ProjectionOracle::counts)
                .forEach(c -> years.computeIfAbsent(c.nip(), nip -> new TreeSet<>()).add(c.year()));
        List<Row> rows = new ArrayList<>();
        years.forEach((nip, ofNip) -> ofNip.forEach(year -> rows.add(row(nip, year))));
        rows.sort(Row.ORDER);
        return rows;
    }

    /**
     * The figures of {@code unitCode} and every unit below it in the year's tree (with the units folded into those), over
     * the rows with a day in service in the year; null for a unit not in the year's tree.
     */
    Figures figures(String unitCode, int year, int currentYear, LocalDate today) {
        if (!exists(unitCode, year)) {
            return null;
        }
        Set<String> subtree = subtree(unitCode, year);
        long headcount = 0;
        long compliant = 0;
        long onTrack = 0;
        long atRisk = 0;
        long notMet = 0;
        long exempt = 0;
        long aboveCap = 0;
        long leftService = 0;
        BigDecimal totalJp = BigDecimal.ZERO;
        BigDecimal jpAboveCap = BigDecimal.ZERO;
        BigDecimal pendingJp = BigDecimal.ZERO;
        BigDecimal flaggedJp = BigDecimal.ZERO;
        Map<String, Long> typeHeadcount = zeros(EmploymentType.values());
        Map<String, Long> typeCompliant = zeros(EmploymentType.values());
        Map<String, Long> leavers = zeros(LeavingReason.values());
        for (Row row : rows(currentYear)) {
            if (row.year() != year || row.windowFrom() == null || !subtree.contains(row.unitCode())) {
                continue;
            }
            if (row.leavingReason() != null) {
                leavers.merge(row.leavingReason(), 1L, Long::sum);
            }
            Terms terms = governing(row.unitCode(), year);
            String status = status(row, today, terms);
            if (status.equals("EXEMPT")) {
                exempt++;
                continue;
            }
            if (status.equals("LEFT_SERVICE")) {
                leftService++;
                continue;
            }
            headcount++;
            typeHeadcount.merge(row.employmentType(), 1L, Long::sum);
            BigDecimal counted = row.counted(terms.counting());
            totalJp = totalJp.add(counted);
            pendingJp = pendingJp.add(row.totalJp().subtract(counted));
            flaggedJp = flaggedJp.add(row.flaggedJp());
            BigDecimal cap = terms.caps().get(row.employmentType());
            BigDecimal contract = row.contractCounted(terms.counting());
            if (cap != null && contract != null && contract.compareTo(cap) > 0) {
                aboveCap++;
                jpAboveCap = jpAboveCap.add(contract.subtract(cap));
            }
            switch (status) {
                case "COMPLIANT" -> {
                    compliant++;
                    typeCompliant.merge(row.employmentType(), 1L, Long::sum);
                }
                case "ON_TRACK" -> onTrack++;
                case "AT_RISK" -> atRisk++;
                case "NOT_MET" -> notMet++;
                default -> throw new IllegalStateException();
            }
        }
        return new Figures(headcount, compliant, onTrack, atRisk, notMet, totalJp, exempt, typeHeadcount,
                typeCompliant, leavers, aboveCap, jpAboveCap, leftService, pendingJp, flaggedJp);
    }

    private static Map<String, Long> zeros(Enum<?>[] keys) {
        Map<String, Long> zeros = new TreeMap<>();
        for (Enum<?> key : keys) {
            zeros.put(key.name(), 0L);
        }
        return zeros;
    }

    /** The status of a row with a window under the default policy (see {@link #status(Row, LocalDate, Terms)}). */
    static String status(Row row, LocalDate today) {
        return status(row, today, Terms.DEFAULT);
    }

    /**
     * The status of a row with a window under {@code terms}: EXEMPT without a day in service that is not exempt;
     * LEFT_SERVICE when the policy excludes leavers and service ends before 31 December; else the level's, else the
     * type's, else the policy's target, pro-rated by the days in service not exempt and rounded up when the policy says
     * so, judged against the JP the policy's counting counts; the share of it due by today follows the pacing: elapsed
     * days not exempt over days in service not exempt (linear), nothing before the grace month, or the fraction of the
     * last quarter over (by the quarter's last day).
     */
    static String status(Row row, LocalDate today, Terms terms) {
        LocalDate lastDayOfYear = LocalDate.of(row.year(), 12, 31);
        long windowDays = ChronoUnit.DAYS.between(row.windowFrom(), row.windowUntil()) + 1 - row.exemptOn().size();
        if (windowDays == 0) {
            return "EXEMPT";
        }
        if (terms.excludeLeavers() && row.windowUntil().isBefore(lastDayOfYear)) {
            return "LEFT_SERVICE";
        }
        long daysInYear = lastDayOfYear.getDayOfYear();
        BigDecimal base = terms.byLevel().getOrDefault(row.positionLevel(),
                terms.byType().getOrDefault(row.employmentType(), terms.target()));
        BigDecimal targetJp = terms.prorate() ? base.multiply(BigDecimal.valueOf(windowDays))
                .divide(BigDecimal.valueOf(daysInYear), 0, java.math.RoundingMode.CEILING) : base;
        long elapsed = 0;
        for (LocalDate day = row.windowFrom(); !day.isAfter(row.windowUntil()) && !day.isAfter(today);
                day = day.plusDays(1)) {
            if (!row.exemptOn().contains(day)) {
                elapsed++;
            }
        }
        BigDecimal counted = row.counted(terms.counting());
        if (counted.compareTo(targetJp) >= 0) {
            return "COMPLIANT";
        }
        if (row.windowUntil().isBefore(today)) {
            return "NOT_MET";
        }
        BigDecimal paced = switch (terms.pacing()) {
            case "GRACE" -> today.isBefore(LocalDate.of(row.year(), terms.graceMonth(), 1)) ? BigDecimal.ZERO
                    : BigDecimal.valueOf(elapsed);
            case "QUARTERLY" -> {
                int over = 0;
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate end = LocalDate.of(row.year(), quarter * 3, 1).plusMonths(1).minusDays(1);
                    if (!end.isAfter(today)) {
                        over = quarter;
                    }
                }
                yield over == 0 ? BigDecimal.ZERO
                        : terms.quarters().get(over - 1).multiply(BigDecimal.valueOf(windowDays));
            }
            default -> BigDecimal.valueOf(elapsed);
        };
        if (counted.multiply(BigDecimal.valueOf(windowDays)).compareTo(targetJp.multiply(paced)) >= 0) {
            return "ON_TRACK";
        }
        return "AT_RISK";
    }

    /**
     * The policy of the nearest ancestor-or-self of {@code unitCode} with one in {@code year}'s tree, else the defaults;
     * a unit folded into another that year is governed as that one is.
     */
    Terms governing(String unitCode, int year) {
        Map<String, Terms> ofYear = unitPolicies.getOrDefault(year, Map.of());
        Set<String> seen = new HashSet<>();
        String into = countsIn(unitCode, year);
        String code = into != null ? into : unitCode;
        while (code != null && seen.add(code)) {
            if (ofYear.containsKey(code)) {
                return ofYear.get(code);
            }
            code = exists(code, year) ? parentIn(code, year) : null;
        }
        return Terms.DEFAULT;
    }

    /** Whether the unit is in {@code year}'s tree: it has a period begun by 31 December and is not dissolved by then. */
    boolean exists(String code, int year) {
        return periodOn(code, LocalDate.of(year, 12, 31)) != null;
    }

    /** The unit's name in {@code year}'s tree; null when it is not in it. */
    String nameIn(String code, int year) {
        UnitPeriod period = periodOn(code, LocalDate.of(year, 12, 31));
        return period == null ? null : period.name();
    }

    /** The unit's period in force on {@code day} (the latest begun by then), null when it does not exist that day. */
    private UnitPeriod periodOn(String code, LocalDate day) {
        UnitUpserted unit = units.get(code);
        if (unit == null || unit.dissolvedOn() != null && !unit.dissolvedOn().isAfter(day)) {
            return null;
        }
        if (unit.history() == null || unit.history().isEmpty()) {
            return new UnitPeriod(null, unit.name(), unit.parentCode());
        }
        UnitPeriod inForce = null;
        for (UnitPeriod period : unit.history()) {
            LocalDate from = period.effectiveFrom() == null ? LocalDate.MIN : period.effectiveFrom();
            LocalDate latest = inForce == null ? null
                    : inForce.effectiveFrom() == null ? LocalDate.MIN : inForce.effectiveFrom();
            if (!from.isAfter(day) && (latest == null || !from.isBefore(latest))) {
                inForce = period;
            }
        }
        return inForce;
    }

    /**
     * The unit of {@code year}'s tree whose subtree a unit's employees count in: the unit itself, or for one dissolved
     * by 31 December its successor, followed through successors dissolved by then too; null when the chain ends
     * outside the tree (no successor, a unit not yet created, a loop).
     */
    String countsIn(String code, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        Set<String> seen = new HashSet<>();
        String at = code;
        while (at != null && seen.add(at)) {
            if (exists(at, year)) {
                return at;
            }
            UnitUpserted unit = units.get(at);
            if (unit == null || unit.dissolvedOn() == null || unit.dissolvedOn().isAfter(end)) {
                return null;
            }
            at = unit.successorCode();
        }
        return null;
    }

    /** The unit's parent in {@code year}'s tree: its period's parent, or the unit that parent is folded into. */
    private String parentIn(String code, int year) {
        UnitPeriod period = periodOn(code, LocalDate.of(year, 12, 31));
        if (period == null || period.parentCode() == null) {
            return null;
        }
        String into = countsIn(period.parentCode(), year);
        String parent = into != null ? into : period.parentCode();
        return parent.equals(code) ? null : parent;
    }

    private Row row(String nip, int year) {
        EmployeeUpserted employee = employees.get(nip);
        LocalDate windowFrom = null;
        LocalDate windowUntil = null;
        String unitCode = null;
        if (employee != null) {
            LocalDate firstDay = LocalDate.of(year, 1, 1);
            LocalDate lastDay = LocalDate.of(year, 12, 31);
            if (employee.employedFrom() != null && !employee.employedFrom().isAfter(lastDay)
                    && (employee.employedUntil() == null || !employee.employedUntil().isBefore(firstDay))) {
                windowFrom = employee.employedFrom().isAfter(firstDay) ? employee.employedFrom() : firstDay;
                windowUntil = employee.employedUntil() == null || employee.employedUntil().isAfter(lastDay) ? lastDay
                        : employee.employedUntil();
            }
            unitCode = unitOn(employee, windowUntil == null ? lastDay : windowUntil);
        }
        PositionAssignment position = employee == null ? null
                : positionOn(employee, windowUntil == null ? LocalDate.of(year, 12, 31) : windowUntil);
        Set<LocalDate> exemptOn = new TreeSet<>();
        String leavingReason = null;
        if (windowFrom != null) {
            for (ExemptionPeriod period : employee.exemptions() == null ? List.<ExemptionPeriod>of()
                    : employee.exemptions()) {
                for (LocalDate day = windowFrom; !day.isAfter(windowUntil); day = day.plusDays(1)) {
                    if (!day.isBefore(period.from()) && (period.until() == null || !day.isAfter(period.until()))) {
                        exemptOn.add(day);
                    }
                }
            }
            if (employee.employedUntil() != null && employee.employedUntil().getYear() == year) {
                leavingReason = employee.leavingReason() == null ? "LAINNYA" : employee.leavingReason().name();
            }
        }
        List<CompletionRecorded> counted = completions.values().stream()
                .filter(c -> counts(c) && c.nip().equals(nip) && c.year() == year).toList();
        LocalDate last = counted.stream().map(CompletionRecorded::endDate).max(Comparator.naturalOrder()).orElse(null);
        return new Row(nip, year, unitCode,
                position == null ? null : position.employmentType().name(),
                position == null ? null : position.positionLevel().name(), windowFrom, windowUntil,
                sum(counted, c -> true), sum(counted, c -> c.competencyType() == CompetencyType.TEKNIS),
                sum(counted, c -> c.competencyType() == CompetencyType.MANAJERIAL),
                sum(counted, c -> c.competencyType() == CompetencyType.SOSIAL_KULTURAL),
                sum(counted, c -> c.method() == TrainingMethod.KLASIKAL),
                sum(counted, c -> c.method() == TrainingMethod.NONKLASIKAL),
                sum(counted, c -> c.deliveryMode() == DeliveryMode.LURING),
                sum(counted, c -> c.deliveryMode() == DeliveryMode.DARING),
                sum(counted, c -> c.deliveryMode() == DeliveryMode.BLENDED), counted.size(), last, exemptOn.size(),
                exemptOn, leavingReason, contractYearJp(employee, year, null),
                sum(counted, c -> c.verificationState() == VerificationState.VERIFIED),
                sum(counted, c -> c.verificationState() == VerificationState.AUTO_VERIFIED),
                sum(counted, c -> c.flags() != null && c.flags().contains(CompletionFlag.POSSIBLE_DUPLICATE)),
                contractYearJp(employee, year, VerificationState.VERIFIED),
                contractYearJp(employee, year, VerificationState.AUTO_VERIFIED));
    }

    /** Whether a completion is in the sums at all: active and not rejected (a rejected one never counts). */
    private static boolean counts(CompletionRecorded c) {
        return c.active() && c.verificationState() != VerificationState.REJECTED;
    }

    /**
     * JP of the employee's active completions not rejected (in {@code state}, any when null) ending within the contract
     * year (from {@code employedFrom}, the TMT, to the day before an anniversary) that ends in {@code year}; null
     * without one.
     */
    private BigDecimal contractYearJp(EmployeeUpserted employee, int year, VerificationState state) {
        if (employee == null || employee.employedFrom() == null) {
            return null;
        }
        for (int k = 1; k <= year - employee.employedFrom().getYear() + 1; k++) {
            LocalDate from = employee.employedFrom().plusYears(k - 1L);
            LocalDate until = employee.employedFrom().plusYears(k).minusDays(1);
            if (until.getYear() == year) {
                return sum(completions.values().stream().filter(c -> counts(c) && c.nip().equals(employee.nip())
                        && (state == null || c.verificationState() == state)
                        && c.endDate() != null && !c.endDate().isBefore(from) && !c.endDate().isAfter(until)).toList(),
                        c -> true);
            }
        }
        return null;
    }

    /** The position in force on {@code day}, by the rule of the unit; the current one without a history. */
    private static PositionAssignment positionOn(EmployeeUpserted employee, LocalDate day) {
        List<PositionAssignment> history = employee.positionHistory();
        if (history == null || history.isEmpty()) {
            return new PositionAssignment(employee.employmentType(), employee.positionLevel(), null);
        }
        PositionAssignment earliest = null;
        PositionAssignment latestOnOrBefore = null;
        for (PositionAssignment entry : history) {
            if (earliest == null || entry.effectiveFrom().isBefore(earliest.effectiveFrom())) {
                earliest = entry;
            }
            if (!entry.effectiveFrom().isAfter(day)
                    && (latestOnOrBefore == null || entry.effectiveFrom().isAfter(latestOnOrBefore.effectiveFrom()))) {
                latestOnOrBefore = entry;
            }
        }
        return latestOnOrBefore != null ? latestOnOrBefore : earliest;
    }

    private static String unitOn(EmployeeUpserted employee, LocalDate day) {
        List<UnitAssignment> history = employee.unitHistory();
        if (history == null || history.isEmpty()) {
            return employee.unitCode();
        }
        UnitAssignment earliest = null;
        UnitAssignment latestOnOrBefore = null;
        for (UnitAssignment entry : history) {
            if (earliest == null || entry.effectiveFrom().isBefore(earliest.effectiveFrom())) {
                earliest = entry;
            }
            if (!entry.effectiveFrom().isAfter(day)
                    && (latestOnOrBefore == null || entry.effectiveFrom().isAfter(latestOnOrBefore.effectiveFrom()))) {
                latestOnOrBefore = entry;
            }
        }
        return (latestOnOrBefore != null ? latestOnOrBefore : earliest).unitCode();
    }

    /** The unit and the units below it in {@code year}'s tree, with the units folded into any of those. */
    private Set<String> subtree(String unitCode, int year) {
        if (!exists(unitCode, year)) {
            return Set.of();
        }
        Set<String> subtree = new HashSet<>(Set.of(unitCode));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String code : units.keySet()) {
                if (exists(code, year) && subtree.contains(parentIn(code, year)) && subtree.add(code)) {
                    grew = true;
                }
            }
        }
        Set<String> folded = new HashSet<>();
        for (String code : units.keySet()) {
            if (!exists(code, year) && subtree.contains(countsIn(code, year))) {
                folded.add(code);
            }
        }
        subtree.addAll(folded);
        return subtree;
    }

    private static BigDecimal sum(List<CompletionRecorded> completions,
            java.util.function.Predicate<CompletionRecorded> which) {
        return completions.stream().filter(which).map(CompletionRecorded::recognizedJp).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    private static BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
