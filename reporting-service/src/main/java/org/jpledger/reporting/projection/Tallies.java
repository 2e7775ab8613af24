package org.jpledger.reporting.projection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;

/**
 * Counts of a group's rated rows beyond the statuses (V11): the exempt, the headcount and the compliant of each
 * employment type, the leavers of each reason, the employees above their cap and the leavers excluded (V13). Each
 * count is one column of {@code unit_year_figures} and one condition on a rated row {@code r}; the SQL of every answer (live, precomputed, exports) is made from this one list.
 *
 * @param counts one count per entry of {@link #ALL}, in its order
 */
public record Tallies(List<Long> counts) {

    /** One count: its column (and alias) and the condition on {@code r} a row counts under. */
    public record Tally(String column, String condition, String headerId, String headerEn) {
    }

    public static final List<Tally> ALL = all();

    public static final Tallies NONE = new Tallies(Collections.nCopies(ALL.size(), 0L));

    private static final int EXEMPT = 0;
    private static final int TYPES = 1;
    private static final int LEAVERS = TYPES + 2 * EmploymentType.values().length;
    private static final int ABOVE_CAP = LEAVERS + LeavingReason.values().length;
    private static final int LEFT_SERVICE = ABOVE_CAP + 1;

    public Tallies {
        counts = List.copyOf(counts);
    }

    private static List<Tally> all() {
        List<Tally> all = new ArrayList<>();
        all.add(new Tally("exempt", "r.status = 'EXEMPT'", "Dikecualikan", "Exempt"));
        for (EmploymentType type : EmploymentType.values()) {
            String column = type.name().toLowerCase(Locale.ROOT);
            String label = type.name().replace('_', ' ');
            all.add(new Tally(column + "_headcount", ComplianceRepository.COUNTED + " AND r.employment_type = '" + type + "'",
                    "Jumlah " + label, label + " headcount"));
            all.add(new Tally(column + "_compliant", "r.status = 'COMPLIANT' AND r.employment_type = '" + type + "'",
                    label + " Memenuhi", label + " compliant"));
        }
        for (LeavingReason reason : LeavingReason.values()) {
            all.add(new Tally("leavers_" + reason.name().toLowerCase(Locale.ROOT),
                    "r.leaving_reason = '" + reason + "'", "Keluar: " + reason.label(), "Leavers: " + reason));
        }
        all.add(new Tally("above_cap", ComplianceRepository.ABOVE_CAP, "Di Atas Batas JP", "Above cap"));
        all.add(new Tally("left_service", "r.status = 'LEFT_SERVICE'", "Keluar Dikecualikan", "Leavers excluded"));
        return List.copyOf(all);
    }

    /** The tallies of the given counts, laid out as {@link #ALL} lists them. */
    public static Tallies of(long exempt, ToLongFunction<EmploymentType> headcount,
            ToLongFunction<EmploymentType> compliant, Map<LeavingReason, Long> leavers, long aboveCap,
            long leftService) {
        List<Long> counts = new ArrayList<>();
        counts.add(exempt);
        for (EmploymentType type : EmploymentType.values()) {
            counts.add(headcount.applyAsLong(type));
            counts.add(compliant.applyAsLong(type));
        }
        for (LeavingReason reason : LeavingReason.values()) {
            counts.add(leavers.getOrDefault(reason, 0L));
        }
        counts.add(aboveCap);
        counts.add(leftService);
        return new Tallies(counts);
    }

    /** The counts over rated rows {@code r}, each {@code count(*) FILTER (...)}, comma-separated. */
    public static String counted(boolean aliased) {
        return join(t -> "count(*) FILTER (WHERE " + t.condition() + ")" + (aliased ? " AS " + t.column() : ""));
    }

    /** Each tally made into SQL by {@code part}, comma-separated. */
    public static String join(Function<Tally, String> part) {
        return ALL.stream().map(part).collect(Collectors.joining(", "));
    }

    /** The counts from {@code row}, starting at index {@code from}. */
    static Tallies read(Object[] row, int from) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < ALL.size(); i++) {
            counts.add(((Number) row[from + i]).longValue());
        }
        return new Tallies(counts);
    }

    public Tallies plus(Tallies other) {
        return combine(other, 1);
    }

    public Tallies minus(Tallies other) {
        return combine(other, -1);
    }

    public boolean zero() {
        return counts.stream().allMatch(count -> count == 0);
    }

    /** Whole-window exempt employees (not in the headcount). */
    public long exempt() {
        return counts.get(EXEMPT);
    }

    /** Counted employees of the type (not the exempt, nor leavers a policy excludes). */
    public long headcount(EmploymentType type) {
        return counts.get(TYPES + 2 * type.ordinal());
    }

    /** Compliant employees of the type. */
    public long compliant(EmploymentType type) {
        return counts.get(TYPES + 2 * type.ordinal() + 1);
    }

    /** Counted employees whose contract year's JP are above their employment type's cap (V13). */
    public long aboveCap() {
        return counts.get(ABOVE_CAP);
    }

    /** Leavers a policy excludes (status LEFT_SERVICE: not in the headcount) (V13). */
    public long leftService() {
        return counts.get(LEFT_SERVICE);
    }

    /** Employees who left in the year, by reason; every reason present. */
    public Map<LeavingReason, Long> leavers() {
        Map<LeavingReason, Long> leavers = new EnumMap<>(LeavingReason.class);
        for (LeavingReason reason : LeavingReason.values()) {
            leavers.put(reason, counts.get(LEAVERS + reason.ordinal()));
        }
        return leavers;
    }

    private Tallies combine(Tallies other, int sign) {
        List<Long> combined = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            combined.add(counts.get(i) + sign * other.counts.get(i));
        }
        return new Tallies(combined);
    }
}
