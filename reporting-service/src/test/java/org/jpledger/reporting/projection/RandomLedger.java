package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.CountingPolicy;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;

/**
 * A seeded story of a small organisation as the ledger tells it, in the order the events reach the consumer: a unit tree
 * of three levels that gets reorganised, employees who join, leave (with or without a reason), transfer, get promoted
 * or change employment type, and are exempt for a while (some for whole years), completions recorded, amended and
 * voided, verified, rejected and flagged (reviewed versions, sent as completion.reviewed.v1), with exact duplicates,
 * stale redeliveries of older versions and completions arriving before their employee.
 * The same seed and prefix give the same events.
 */
final class RandomLedger {

    /** Who made a reviewed version: the test sends those as completion.reviewed.v1. */
    static final String REVIEWER = "verifier";
    private static final String[] JP = {"2", "3", "4.5", "6", "8", "10", "12.25", "16", "20", "24", "0.75", "32"};
    private static final LocalDate FIRST_TRAINING_DAY = LocalDate.of(2024, 1, 1);
    private static final LocalDate LAST_TRAINING_DAY = LocalDate.of(2026, 12, 20);
    /** The day unit histories start from; reorganisations and dissolutions fall between the next two. */
    private static final LocalDate UNITS_SINCE = LocalDate.of(2000, 1, 1);
    private static final LocalDate REORGANISED_FROM = LocalDate.of(2024, 6, 1);
    private static final LocalDate REORGANISED_UNTIL = LocalDate.of(2026, 12, 31);

    private final Random random;
    private final String prefix;
    private final String nipPrefix;
    private final List<String> unitCodes = new ArrayList<>();
    private final List<String> nips = new ArrayList<>();
    private final List<String> unknownNips = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();

    /**
     * @param prefix    starts every unit code, so that the story's units are its own
     * @param nipPrefix 13 digits starting every NIP, so that the story's employees are its own
     */
    RandomLedger(long seed, String prefix, String nipPrefix, int employeeCount, int completionCount) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.nipPrefix = nipPrefix;
        List<List<Object>> streams = new ArrayList<>();
        List<String> middle = units(streams);
        List<List<Object>> late = new ArrayList<>();
        for (int i = 0; i < employeeCount; i++) {
            String nip = nip(i);
            nips.add(nip);
            // Some employees are only told about late, after completions of theirs.
            (random.nextInt(5) == 0 ? late : streams).add(employeeVersions(nip, middle));
        }
        for (int i = 0; i < 4; i++) {
            unknownNips.add(nip(employeeCount + i));
        }
        for (int i = 0; i < completionCount; i++) {
            String nip = random.nextInt(15) == 0 ? pick(unknownNips) : pick(nips);
            streams.add(completionVersions(nip));
        }
        interleave(streams);
        interleave(late);
        redeliver();
    }

    /**
     * Policies for some of the story's unit subtrees in {@code years}, drawn from {@code seed} apart from the events (so
     * a seed's events stay what they were): targets in JP or in hours, overrides, pro-rating or not, each pacing and
     * each leavers rule.
     */
    List<StatedPolicy> unitPolicies(long seed, int firstYear, int lastYear) {
        Random draw = new Random(seed * 31 + 7);
        List<StatedPolicy> policies = new ArrayList<>();
        for (int year = firstYear; year <= lastYear; year++) {
            for (String unit : unitCodes) {
                if (draw.nextInt(3) == 0) {
                    policies.add(policy(draw, year, unit));
                }
            }
        }
        return policies;
    }

    /** A unit policy as the API is sent it, and as the oracle reads it. */
    record StatedPolicy(int year, String unitCode, String body, ProjectionOracle.Terms terms) {
    }

    private static StatedPolicy policy(Random draw, int year, String unit) {
        StringBuilder body = new StringBuilder("{");
        BigDecimal target;
        if (draw.nextBoolean()) {
            int hours = new int[] {15, 30, 40}[draw.nextInt(3)];
            body.append("\"targetHours\": ").append(hours);
            // Hours to JP of 45 minutes, rounded up.
            target = BigDecimal.valueOf((hours * 60 + 44) / 45);
        } else {
            target = new BigDecimal(new String[] {"10", "16", "20", "24", "30"}[draw.nextInt(5)]);
            body.append("\"targetJp\": ").append(target);
        }
        Map<String, BigDecimal> byType = new TreeMap<>();
        if (draw.nextInt(3) == 0) {
            byType.put("PPPK", new BigDecimal("24"));
            body.append(", \"targetByEmploymentType\": {\"PPPK\": 24}");
        }
        Map<String, BigDecimal> byLevel = new TreeMap<>();
        if (draw.nextInt(3) == 0) {
            byLevel.put("PELAKSANA", new BigDecimal("12.5"));
            body.append(", \"targetByPositionLevel\": {\"PELAKSANA\": 12.5}");
        }
        boolean prorate = draw.nextInt(4) != 0;
        body.append(", \"prorate\": ").append(prorate);
        String pacing = new String[] {"LINEAR", "QUARTERLY", "GRACE"}[draw.nextInt(3)];
        body.append(", \"pacing\": \"").append(pacing).append('"');
        List<BigDecimal> quarters = null;
        Integer graceMonth = null;
        if (pacing.equals("QUARTERLY")) {
            quarters = draw.nextBoolean()
                    ? List.of(new BigDecimal("0.1"), new BigDecimal("0.4"), new BigDecimal("0.7"), BigDecimal.ONE)
                    : List.of(new BigDecimal("0.25"), new BigDecimal("0.5"), new BigDecimal("0.75"), BigDecimal.ONE);
            body.append(", \"quarterFractions\": ").append(quarters);
        } else if (pacing.equals("GRACE")) {
            graceMonth = 1 + draw.nextInt(12);
            body.append(", \"atRiskFromMonth\": ").append(graceMonth);
        }
        // Caps (JP per contract year by type): PP 49/2018's 24 for PPPK, or low ones of other scales, so many are hit.
        Map<String, BigDecimal> caps = new TreeMap<>();
        switch (draw.nextInt(3)) {
            case 0 -> caps.put("PPPK", new BigDecimal("24"));
            case 1 -> {
                caps.put("PNS", new BigDecimal("12.5"));
                caps.put("PPPK_PARUH_WAKTU", new BigDecimal("6.75"));
            }
            default -> {
            }
        }
        if (!caps.isEmpty()) {
            body.append(", \"capByEmploymentType\": {").append(caps.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", ")))
                    .append('}');
        }
        boolean exclude = draw.nextBoolean();
        body.append(", \"leavers\": \"").append(exclude ? "EXCLUDE" : "PRORATE").append('"');
        CountingPolicy counting = CountingPolicy.values()[draw.nextInt(CountingPolicy.values().length)];
        body.append(", \"counting\": \"").append(counting).append("\"}");
        return new StatedPolicy(year, unit, body.toString(), new ProjectionOracle.Terms(target, byType, byLevel,
                prorate, pacing, quarters, graceMonth, exclude, caps, counting));
    }

    /** The events in publishing order; a duplicate is the same payload twice. */
    List<Object> events() {
        return events;
    }

    List<String> unitCodes() {
        return unitCodes;
    }

    /** Employees with employee events, and NIPs that only ever have completions. */
    List<String> allNips() {
        List<String> all = new ArrayList<>(nips);
        all.addAll(unknownNips);
        return all;
    }

    private String nip(int i) {
        return nipPrefix + String.format("%05d", i);
    }

    /**
     * One root, three units below it, six below those, and one created in mid-2025; some of the lowest move to another
     * parent later (in today's tree only, as events before units had histories did, or from a day on, renamed too),
     * and some are dissolved from a day, into a successor (which may be dissolved too) or into none.
     */
    private List<String> units(List<List<Object>> streams) {
        String root = prefix + "-R";
        unitCodes.add(root);
        streams.add(List.of(new UnitUpserted(root, "Pemerintah " + prefix, null, 1)));
        List<String> middle = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = prefix + "-M" + i;
            middle.add(code);
            unitCodes.add(code);
            streams.add(List.of(new UnitUpserted(code, "Dinas " + i, root, 1)));
        }
        List<String> all = new ArrayList<>(middle);
        List<String> lowest = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lowest.add(prefix + "-L" + i);
        }
        for (int i = 0; i < 6; i++) {
            String code = lowest.get(i);
            unitCodes.add(code);
            all.add(code);
            String name = "Bidang " + i;
            String parent = middle.get(i % 3);
            List<Object> versions = new ArrayList<>();
            versions.add(new UnitUpserted(code, name, parent, 1));
            // Every story has each change at least once: L0 moved from a day, L1 merged, L2 dissolved into none.
            int change = i < 3 ? i + 1 : random.nextInt(5);
            switch (change) {
                case 0 -> versions.add(new UnitUpserted(code, name + " baru", pick(middle), 2));
                case 1 -> {
                    LocalDate from = day(REORGANISED_FROM, REORGANISED_UNTIL);
                    String newParent = pick(middle);
                    versions.add(new UnitUpserted(code, name + " baru", newParent, 2, null, List.of(
                            new UnitPeriod(UNITS_SINCE, name, parent), new UnitPeriod(from, name + " baru", newParent)),
                            null, null));
                }
                case 2, 3 -> {
                    LocalDate on = day(REORGANISED_FROM, REORGANISED_UNTIL);
                    String successor = change == 3 ? null
                            : pick(random.nextBoolean() ? middle : lowest.stream().filter(c -> !c.equals(code)).toList());
                    versions.add(new UnitUpserted(code, name, parent, 2, null,
                            List.of(new UnitPeriod(UNITS_SINCE, name, parent)), on, successor));
                }
                default -> {
                }
            }
            streams.add(versions);
        }
        // Created in mid-2025: not in 2024's tree (its employees of 2024 count in the organisation only).
        String created = prefix + "-N0";
        unitCodes.add(created);
        all.add(created);
        String createdUnder = pick(middle);
        streams.add(List.of(new UnitUpserted(created, "UPT baru", createdUnder, 1, null,
                List.of(new UnitPeriod(LocalDate.of(2025, 7, 1), "UPT baru", createdUnder)), null, null)));
        all.add(root);
        return all;
    }

    /** One to three versions of an employee, each a full state of its own. */
    private List<Object> employeeVersions(String nip, List<String> units) {
        List<Object> versions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int version = 1; version <= count; version++) {
            versions.add(employeeState(nip, version, units));
        }
        return versions;
    }

    private EmployeeUpserted employeeState(String nip, long version, List<String> units) {
        LocalDate from = random.nextInt(10) < 7 ? day(LocalDate.of(2005, 1, 1), LocalDate.of(2023, 12, 31))
                : day(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 30));
        LocalDate until = null;
        int leaving = random.nextInt(10);
        if (leaving < 2) {
            until = day(max(from, LocalDate.of(2024, 1, 1)), LocalDate.of(2026, 12, 31));
        } else if (leaving == 2 && from.isBefore(LocalDate.of(2023, 12, 31))) {
            until = day(from, LocalDate.of(2023, 12, 31));
        }
        if (until != null && until.isBefore(from)) {
            until = from.plusDays(random.nextInt(200));
        }
        List<UnitAssignment> history = history(from, units);
        String unitCode = history == null || history.isEmpty() ? pick(units) : history.get(history.size() - 1).unitCode();
        List<PositionAssignment> positions = positions(from);
        PositionAssignment current = positions == null || positions.isEmpty()
                ? new PositionAssignment(employmentType(), pick(PositionLevel.values()), from)
                : positions.get(positions.size() - 1);
        LeavingReason reason = until == null || random.nextInt(5) == 0 ? null : pick(LeavingReason.values());
        return new EmployeeUpserted(nip, "Pegawai " + nip.substring(nip.length() - 3) + " v" + version,
                current.employmentType(), current.positionLevel(), unitCode, from, until, version, history, positions,
                exemptions(from), reason);
    }

    private EmploymentType employmentType() {
        int kind = random.nextInt(6);
        return kind < 4 ? EmploymentType.PNS : kind == 4 ? EmploymentType.PPPK : EmploymentType.PPPK_PARUH_WAKTU;
    }

    /** Null now and then (events from before positions were dated); otherwise one to three dated positions. */
    private List<PositionAssignment> positions(LocalDate employedFrom) {
        if (random.nextInt(8) == 0) {
            return null;
        }
        // Like units, the first entry sometimes starts after the service does.
        LocalDate first = random.nextInt(6) == 0 ? employedFrom.plusDays(30 + random.nextInt(900)) : employedFrom;
        TreeMap<LocalDate, PositionAssignment> entries = new TreeMap<>();
        entries.put(first, new PositionAssignment(employmentType(), pick(PositionLevel.values()), first));
        int promotions = random.nextInt(3);
        for (int i = 0; i < promotions; i++) {
            LocalDate earliest = max(first.plusDays(1), LocalDate.of(2023, 6, 1));
            LocalDate date = day(earliest, max(earliest, LocalDate.of(2026, 12, 31)));
            entries.put(date, new PositionAssignment(employmentType(), pick(PositionLevel.values()), date));
        }
        return new ArrayList<>(entries.values());
    }

    /**
     * Mostly none; else one to three periods between 2023 and 2026, some open-ended, some overlapping, and now and then
     * one covering the whole of 2025.
     */
    private List<ExemptionPeriod> exemptions(LocalDate employedFrom) {
        int kind = random.nextInt(10);
        if (kind < 6) {
            return kind == 0 ? null : List.of();
        }
        List<ExemptionPeriod> periods = new ArrayList<>();
        if (kind == 9) {
            periods.add(exemption(LocalDate.of(2024, 11, 1 + random.nextInt(30)), LocalDate.of(2026, 1, 15)));
        }
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            LocalDate from = day(max(employedFrom, LocalDate.of(2023, 1, 1)),
                    max(employedFrom, LocalDate.of(2026, 11, 30)));
            periods.add(exemption(from, random.nextInt(6) == 0 ? null : from.plusDays(random.nextInt(400))));
        }
        return periods;
    }

    private ExemptionPeriod exemption(LocalDate from, LocalDate until) {
        return new ExemptionPeriod(new UUID(random.nextLong(), random.nextLong()), pick(ExemptionKind.values()), from,
                until, "800/" + random.nextInt(1000) + "/BKD");
    }

    /** Null or empty now and then (events from before histories); otherwise one to four dated assignments. */
    private List<UnitAssignment> history(LocalDate employedFrom, List<String> units) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return List.of();
        }
        // The first assignment sometimes starts after the service does, so early days precede every entry.
        LocalDate first = random.nextInt(5) == 0 ? employedFrom.plusDays(30 + random.nextInt(900)) : employedFrom;
        TreeMap<LocalDate, String> entries = new TreeMap<>();
        entries.put(first, pick(units));
        int transfers = random.nextInt(4);
        for (int i = 0; i < transfers; i++) {
            LocalDate earliest = max(first.plusDays(1), LocalDate.of(2023, 6, 1));
            entries.put(day(earliest, max(earliest, LocalDate.of(2026, 12, 31))), pick(units));
        }
        List<UnitAssignment> history = new ArrayList<>();
        entries.forEach((date, unit) -> history.add(new UnitAssignment(unit, date)));
        return history;
    }

    /** Recorded, then perhaps amended (maybe into another year) once or twice, then perhaps voided. */
    private List<Object> completionVersions(String nip) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        List<Object> versions = new ArrayList<>();
        CompletionRecorded state = completionState(id, 1, nip, CompletionStatus.ACTIVE);
        versions.add(state);
        int amendments = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < amendments; i++) {
            state = completionState(id, state.version() + 1, nip, CompletionStatus.ACTIVE);
            versions.add(state);
        }
        // Verified, rejected, flagged or a flag cleared: new versions with the same content.
        int reviews = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < reviews; i++) {
            state = reviewed(state);
            versions.add(state);
        }
        if (random.nextInt(5) == 0) {
            versions.add(voided(state));
        }
        return versions;
    }

    /** {@code c} reviewed: its next version in a state and with flags drawn anew, sent as completion.reviewed.v1. */
    private CompletionRecorded reviewed(CompletionRecorded c) {
        return new CompletionRecorded(c.completionId(), c.version() + 1, c.nip(), c.title(), c.kindId(), c.method(),
                c.competencyType(), c.deliveryMode(), c.provider(), c.startDate(), c.endDate(), c.year(), c.jp(),
                c.days(), c.international(), c.recognizedJp(), c.certificateNumber(), c.sourceSystem(), c.externalId(),
                c.status(), c.ruleVersion(), c.voidReason(), flags(), REVIEWER, verification(), null);
    }

    /** SUBMITTED most often, then VERIFIED, AUTO_VERIFIED and REJECTED. */
    private VerificationState verification() {
        int draw = random.nextInt(20);
        return draw < 8 ? VerificationState.SUBMITTED : draw < 14 ? VerificationState.VERIFIED
                : draw < 17 ? VerificationState.AUTO_VERIFIED : VerificationState.REJECTED;
    }

    /** A possible duplicate one time in four, implausible JP a day one in eight; null (no flags) otherwise. */
    private List<CompletionFlag> flags() {
        List<CompletionFlag> flags = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            flags.add(CompletionFlag.POSSIBLE_DUPLICATE);
        }
        if (random.nextInt(8) == 0) {
            flags.add(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY);
        }
        return flags.isEmpty() ? null : flags;
    }

    private CompletionRecorded completionState(UUID id, long version, String nip, CompletionStatus status) {
        LocalDate end = day(FIRST_TRAINING_DAY, LAST_TRAINING_DAY);
        BigDecimal jp = new BigDecimal(pick(JP));
        return new CompletionRecorded(id, version, nip, "Pelatihan " + version, 1, pick(TrainingMethod.values()),
                pick(CompetencyType.values()), pick(DeliveryMode.values()), "BPSDM", end.minusDays(random.nextInt(5)),
                end, end.getYear(), jp, null, false, jp, null, "oracle", id.toString(), status, 1, null, flags(),
                "oracle", verification(), null);
    }

    private static CompletionRecorded voided(CompletionRecorded c) {
        return new CompletionRecorded(c.completionId(), c.version() + 1, c.nip(), c.title(), c.kindId(), c.method(),
                c.competencyType(), c.deliveryMode(), c.provider(), c.startDate(), c.endDate(), c.year(), c.jp(),
                c.days(), c.international(), c.recognizedJp(), c.certificateNumber(), c.sourceSystem(), c.externalId(),
                CompletionStatus.VOIDED, c.ruleVersion(), "Sertifikat tidak sah", c.flags(), "oracle",
                c.verification(), null);
    }

    /**
     * Appends the streams' events interleaved at random; each stream keeps its order, except that now and then a newer
     * version overtakes the one before it (which then arrives stale).
     */
    private void interleave(List<List<Object>> streams) {
        List<List<Object>> pending = new ArrayList<>();
        for (List<Object> stream : streams) {
            List<Object> copy = new ArrayList<>(stream);
            if (copy.size() > 1 && random.nextInt(8) == 0) {
                int i = random.nextInt(copy.size() - 1);
                copy.add(i, copy.remove(i + 1));
            }
            pending.add(copy);
        }
        while (!pending.isEmpty()) {
            int i = random.nextInt(pending.size());
            events.add(pending.get(i).remove(0));
            if (pending.get(i).isEmpty()) {
                pending.remove(i);
            }
        }
    }

    /** Sends some events again later: exact duplicates of any event, which are also stale once a newer one went out. */
    private void redeliver() {
        int count = events.size() / 8;
        for (int i = 0; i < count; i++) {
            int from = random.nextInt(events.size());
            int to = from + 1 + random.nextInt(events.size() - from);
            events.add(to, events.get(from));
        }
    }

    private LocalDate day(LocalDate from, LocalDate until) {
        return from.plusDays(random.nextInt((int) (until.toEpochDay() - from.toEpochDay()) + 1));
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
