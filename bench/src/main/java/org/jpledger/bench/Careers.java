package org.jpledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * What happens to a generated employee between the start of 2025 and the province's last day: leaving service with a
 * reason, a promotion or a part-time PPPK's appointment full time (a position history entry), and exemption periods,
 * each at a yearly rate of the size a BKD sees, drawn from the employee's own random stream. Everything it makes keeps
 * training-service's rules: history dates ascending, after the first day in service, not after the last day, not after
 * the employee left; exemptions within service and never overlapping.
 */
final class Careers {

    /** Yearly chance of leaving other than by retirement or a contract's end (death, mutasi keluar, resignation, dismissal): about 1% of ASN a year. */
    static final double OTHER_LEAVING_RATE = 0.008;
    /** Yearly chance that a PPPK contract ends at a contract year's end and is not extended: most are renewed. */
    static final double CONTRACT_END_RATE = 0.015;
    /** Yearly chance of a position change: a PNS changes post every 5 to 8 years; part-time PPPK are being appointed full time. */
    static final double POSITION_CHANGE_RATE = 0.05;
    /** Yearly chance that an exemption period (leave, study, secondment, suspension) begins. */
    static final double EXEMPTION_RATE = 0.015;
    /** Share of long-serving PNS on a 2 to 4 year tugas belajar begun in a past academic year, so exempt all of 2025. */
    static final double LONG_STUDY_SHARE = 0.004;
    /** Share of open-ended long sick leave and suspensions: the employee has not returned and no end is decided. */
    static final double OPEN_ENDED_SHARE = 0.3;

    /** Why someone leaves other than by retirement or a contract's end, and how often relative to the others. */
    private static final LeavingReason[] OTHER_REASONS = {LeavingReason.MENINGGAL, LeavingReason.MUTASI_KELUAR,
        LeavingReason.BERHENTI_ATAS_PERMINTAAN_SENDIRI, LeavingReason.DIBERHENTIKAN, LeavingReason.LAINNYA};
    private static final int[] OTHER_REASON_WEIGHTS = {30, 30, 20, 10, 10};

    /**
     * An employee's life over the two training years.
     *
     * @param positionHistory the employment type and level from {@code employedFrom}, and the change, if any
     * @param exemptions      oldest first, none overlapping
     * @param employedUntil   the last day in service of a leaver, or null
     * @param leavingReason   why they left; null exactly when {@code employedUntil} is
     */
    record Career(List<PositionAssignment> positionHistory, List<ExemptionPeriod> exemptions, LocalDate employedUntil,
            LeavingReason leavingReason) {
    }

    /** Who the employee is when registered: what the career is drawn from. */
    record Start(String id, EmploymentType type, PositionLevel level, LocalDate birth, boolean female,
            LocalDate employedFrom, boolean mayLeave) {
    }

    private Careers() {
    }

    /**
     * The career of one employee, the same for the same random stream.
     *
     * @param earliest the first day a change may take effect (after the first day in service)
     * @param latest   the last day a change may take effect (before the province's last day)
     */
    static Career draw(SplittableRandom r, Start s, LocalDate earliest, LocalDate latest) {
        LocalDate until = null;
        LeavingReason reason = null;
        if (s.mayLeave() && !earliest.isAfter(latest)) {
            LocalDate[] leaving = new LocalDate[1];
            LeavingReason[] why = new LeavingReason[1];
            LocalDate retirement = s.birth().plusYears(retirementAge(s.level())).with(TemporalAdjusters.lastDayOfMonth());
            consider(leaving, why, retirement, LeavingReason.PENSIUN, earliest, latest);
            if (s.type().contract()) {
                // A contract year follows the TMT: it can end unrenewed on any anniversary's eve.
                for (LocalDate end = s.employedFrom().plusYears(1).minusDays(1); !end.isAfter(latest);
                        end = end.plusYears(1)) {
                    if (!end.isBefore(earliest) && r.nextDouble() < CONTRACT_END_RATE) {
                        consider(leaving, why, end, LeavingReason.KONTRAK_BERAKHIR, earliest, latest);
                        break;
                    }
                }
            }
            if (r.nextDouble() < OTHER_LEAVING_RATE * years(earliest, latest)) {
                consider(leaving, why, between(r, earliest, latest),
                        OTHER_REASONS[pick(r, OTHER_REASON_WEIGHTS)], earliest, latest);
            }
            until = leaving[0];
            reason = why[0];
        }
        LocalDate lastChange = until == null ? latest : until;
        List<PositionAssignment> history = new ArrayList<>(2);
        history.add(new PositionAssignment(s.type(), s.level(), s.employedFrom()));
        PositionAssignment next = nextPosition(r, s.type(), s.level());
        if (next != null && !earliest.isAfter(lastChange)
                && r.nextDouble() < POSITION_CHANGE_RATE * years(earliest, lastChange)) {
            LocalDate on = between(r, earliest, lastChange);
            // Appointments take effect on the first of a month (TMT) where the month allows it.
            LocalDate first = on.withDayOfMonth(1);
            history.add(new PositionAssignment(next.employmentType(), next.positionLevel(),
                    first.isBefore(earliest) ? on : first));
        }
        return new Career(List.copyOf(history), exemptions(r, s, earliest, lastChange, until), until, reason);
    }

    /** Retirement age (batas usia pensiun, PP 11/2017 Pasal 239): 58 for administration posts, 60 for JPT and functional. */
    static int retirementAge(PositionLevel level) {
        return switch (level) {
            case FUNGSIONAL, JPT_PRATAMA, JPT_MADYA, JPT_UTAMA -> 60;
            default -> 58;
        };
    }

    /** Keeps the earlier of the leaving found so far and {@code day}, when {@code day} is within the range. */
    private static void consider(LocalDate[] leaving, LeavingReason[] why, LocalDate day, LeavingReason reason,
            LocalDate earliest, LocalDate latest) {
        if (!day.isBefore(earliest) && !day.isAfter(latest) && (leaving[0] == null || day.isBefore(leaving[0]))) {
            leaving[0] = day;
            why[0] = reason;
        }
    }

    /** The next post up, or a part-time PPPK's full-time appointment, not yet dated; null when there is none to have. */
    private static PositionAssignment nextPosition(SplittableRandom r, EmploymentType type, PositionLevel level) {
        PositionLevel up = switch (type) {
            case PPPK_PARUH_WAKTU -> level;
            case PPPK -> level == PositionLevel.PELAKSANA ? PositionLevel.FUNGSIONAL : null;
            case PNS -> switch (level) {
                case PELAKSANA -> r.nextInt(10) < 7 ? PositionLevel.FUNGSIONAL : PositionLevel.PENGAWAS;
                case FUNGSIONAL -> PositionLevel.PENGAWAS;
                case PENGAWAS -> PositionLevel.ADMINISTRATOR;
                case ADMINISTRATOR -> PositionLevel.JPT_PRATAMA;
                default -> null;
            };
        };
        return up == null ? null
                : new PositionAssignment(type == EmploymentType.PPPK_PARUH_WAKTU ? EmploymentType.PPPK : type, up, null);
    }

    private static List<ExemptionPeriod> exemptions(SplittableRandom r, Start s, LocalDate earliest,
            LocalDate lastStart, LocalDate until) {
        List<ExemptionPeriod> list = new ArrayList<>(2);
        LocalDate studyStart = LocalDate.of(2024, 9, 1);
        if (s.type() == EmploymentType.PNS && s.employedFrom().isBefore(studyStart.minusYears(3))
                && r.nextDouble() < LONG_STUDY_SHARE) {
            // A degree begun in the 2023 or 2024 academic year that runs past the end of 2025.
            int before = r.nextInt(2);
            LocalDate from = studyStart.minusYears(before);
            list.add(period(s, ExemptionKind.TUGAS_BELAJAR, from,
                    clip(from.plusYears(2 + before + r.nextInt(2)).minusDays(1), until)));
            return list;
        }
        if (earliest.isAfter(lastStart) || r.nextDouble() >= EXEMPTION_RATE * years(earliest, lastStart)) {
            return list;
        }
        LocalDate from = between(r, earliest, lastStart);
        long serviceYears = ChronoUnit.YEARS.between(s.employedFrom(), from);
        List<ExemptionKind> kinds = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        if (s.female() && ChronoUnit.YEARS.between(s.birth(), from) < 45) {
            add(kinds, weights, ExemptionKind.CUTI_MELAHIRKAN, 80);
        }
        add(kinds, weights, ExemptionKind.CUTI_SAKIT_PANJANG, 10);
        if (s.type() == EmploymentType.PNS) {
            // PPPK have neither study leave, nor unpaid or long leave, nor secondments (PP 49/2018).
            if (serviceYears >= 5) {
                add(kinds, weights, ExemptionKind.CUTI_BESAR, 15);
                add(kinds, weights, ExemptionKind.CLTN, 5);
            }
            if (serviceYears >= 2 && ChronoUnit.YEARS.between(s.birth(), from) < 45) {
                add(kinds, weights, ExemptionKind.TUGAS_BELAJAR, 15);
            }
            add(kinds, weights, ExemptionKind.DIPERBANTUKAN, 4);
            add(kinds, weights, ExemptionKind.DIPEKERJAKAN, 4);
            add(kinds, weights, ExemptionKind.PEMBERHENTIAN_SEMENTARA, 2);
        }
        ExemptionKind kind = kinds.get(pick(r, weights.stream().mapToInt(Integer::intValue).toArray()));
        LocalDate end = switch (kind) {
            case CUTI_MELAHIRKAN -> from.plusMonths(3);
            case CUTI_BESAR -> from.plusMonths(1 + r.nextInt(3));
            case CUTI_SAKIT_PANJANG, PEMBERHENTIAN_SEMENTARA -> until == null && r.nextDouble() < OPEN_ENDED_SHARE
                    ? null : from.plusMonths(2 + r.nextInt(11));
            case TUGAS_BELAJAR -> from.plusYears(1 + r.nextInt(4));
            case CLTN, DIPERBANTUKAN, DIPEKERJAKAN -> from.plusMonths(6 + r.nextInt(31));
        };
        list.add(period(s, kind, from, end == null ? null : clip(end.minusDays(1), until)));
        return list;
    }

    private static void add(List<ExemptionKind> kinds, List<Integer> weights, ExemptionKind kind, int weight) {
        kinds.add(kind);
        weights.add(weight);
    }

    private static ExemptionPeriod period(Start s, ExemptionKind kind, LocalDate from, LocalDate until) {
        UUID id = UUID.nameUUIDFromBytes((s.id() + "-exemption").getBytes(StandardCharsets.UTF_8));
        // Numbered like a BKD decision: classification code, sequence, issuer, year.
        String reference = "800.1.%d/%04d/BKD/%d".formatted(kind.ordinal() + 1,
                (int) ((id.getLeastSignificantBits() >>> 1) % 10_000), from.getYear());
        return new ExemptionPeriod(id, kind, from, until, reference);
    }

    private static LocalDate clip(LocalDate end, LocalDate until) {
        return until != null && end.isAfter(until) ? until : end;
    }

    /** Years from {@code from} to {@code to}, both days included: the exposure a yearly rate applies to. */
    static double years(LocalDate from, LocalDate to) {
        return (ChronoUnit.DAYS.between(from, to) + 1) / 365.25;
    }

    private static LocalDate between(SplittableRandom r, LocalDate from, LocalDate to) {
        return from.plusDays(r.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
    }

    private static int pick(SplittableRandom r, int[] weights) {
        return ProvinceGenerator.pickWeighted(r, weights, Arrays.stream(weights).sum());
    }
}
