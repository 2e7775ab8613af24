package org.jpledger.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.config.PlausibilityConfig;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionHistoryEntry.Recognition;
import org.jpledger.training.domain.CompletionHistoryEntry;
import org.jpledger.training.domain.CompletionHistoryRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.domain.RecognitionRuleBook;
import org.jpledger.training.domain.RecognitionRules;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * What recording and changing a completion share: the checks against the rules in force, the row's content, and
 * keeping each version in history (as a {@link CompletionSnapshot}) with its event.
 */
@ApplicationScoped
public class CompletionVersions {

    // One answer for "no such completion" and "not yours": the second must not reveal that the id exists.
    static final String NOT_FOUND = "No completion with this id in the units your token names.";

    private final CompletionHistoryRepository history;
    private final EmployeeRepository employees;
    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final RecordZones zones;
    private final PlausibilityConfig plausibility;
    private final Instance<VersionWatcher> watchers;

    CompletionVersions(CompletionHistoryRepository history, EmployeeRepository employees, OutboxWriter outbox,
            ObjectMapper mapper, Clock clock, RecordZones zones, PlausibilityConfig plausibility,
            Instance<VersionWatcher> watchers) {
        this.history = history;
        this.employees = employees;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.zones = zones;
        this.plausibility = plausibility;
        this.watchers = watchers;
    }

    /** The zone {@code employee}'s records are dated in (Asia/Jakarta for an unknown employee). */
    ZoneId zoneOf(Optional<Employee> employee) {
        return zones.ofUnit(employee.map(e -> e.unitCode).orElse(null));
    }

    /** The current unit of the completion's employee. */
    String unitOf(Completion c) {
        return employees.findByIdOptional(c.nip).map(e -> e.unitCode).orElse(null);
    }

    /**
     * A version's recognition: the recognised JP, the rule version that gave it, and why.
     */
    record Recognized(BigDecimal recognizedJp, int ruleVersion, Recognition reason) {
    }

    void apply(Completion c, NewCompletion r, Recognized recognized) {
        c.nip = r.nip();
        c.title = r.title();
        c.kindId = r.kindId();
        c.competencyType = r.competencyType();
        c.deliveryMode = r.deliveryMode();
        c.provider = r.provider();
        c.startDate = r.startDate();
        c.endDate = r.endDate();
        c.year = TrainingCalendar.yearOf(r.endDate());
        // One scale for claimed JP, so a value reads the same from memory and from the numeric(7,2) column.
        c.jp = r.jp() == null ? null : r.jp().setScale(2, RoundingMode.UNNECESSARY);
        c.days = r.days();
        c.international = Boolean.TRUE.equals(r.international());
        c.recognizedJp = recognized.recognizedJp();
        c.ruleVersion = recognized.ruleVersion();
        c.certificateNumber = r.certificateNumber();
        derive(c);
    }

    /**
     * Sets what follows from a completion's content and the reference data: the method of its kind and its flags
     * (keeping POSSIBLE_DUPLICATE, which a {@link VersionWatcher} decides from the employee's other completions).
     * Answers whether either changed.
     */
    boolean derive(Completion c) {
        TrainingKind kind = TrainingKinds.byId(c.kindId).orElseThrow();
        String[] flags = CompletionFlags.names(CompletionFlags.of(c.jp, c.startDate, c.endDate,
                CompletionFlags.maxJpPerDay(kind.method(), plausibility)),
                CompletionFlags.has(c.flags, CompletionFlag.POSSIBLE_DUPLICATE));
        boolean changed = c.method != kind.method() || !Arrays.equals(c.flags, flags);
        c.method = kind.method();
        c.flags = flags;
        return changed;
    }

    /**
     * Keeps, as a new REVIEWED version in history and a COMPLETION_REVIEWED event, a change the caller made to the
     * verification state or the flags of {@code c} (locked, content untouched), in the caller's transaction.
     */
    public void reviewed(Completion c, String by) {
        c.version++;
        c.updatedAt = clock.instant();
        changed(c, Change.REVIEWED, by, Recognition.UNCHANGED);
    }

    /** Keeps the version in history and publishes it, in the transaction of the change. */
    void changed(Completion c, Change change, String by, Recognition recognition) {
        // The caller stamps updatedAt before: stamping a just-persisted record here would turn its insert into an
        // insert and an update of the whole row (every index written twice).
        for (VersionWatcher watcher : watchers) {
            watcher.beforeKept(c, change, by);
        }
        CompletionHistoryEntry entry = new CompletionHistoryEntry();
        entry.completionId = c.id;
        entry.version = c.version;
        entry.change = change;
        entry.changedAt = c.updatedAt;
        entry.changedBy = by;
        entry.recognition = recognition;
        try {
            entry.state = mapper.writeValueAsString(CompletionSnapshot.of(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("completion " + c.id + " cannot be serialised", e);
        }
        history.persist(entry);
        CompletionEvents.append(outbox, c, change, by);
    }

    /**
     * Checks the rules bean validation cannot see and returns the recognition; {@code employee} is r's, if any,
     * {@code zone} the zone its records are dated in (see {@link #zoneOf}), and {@code before} the completion r
     * amends (null for a new record).
     */
    Recognized validate(NewCompletion r, Optional<Employee> employee, RecognitionRuleBook rules, Completion before,
            ZoneId zone) {
        FieldErrors errors = new FieldErrors();
        if (!Nip.hasValidShape(r.nip())) {
            errors.add("nip", "must be exactly 18 digits");
        } else {
            if (employee.isEmpty()) {
                errors.add("nip", "no employee with this NIP; register the employee first");
            } else if (!employee.get().employedOn(r.endDate())) {
                errors.add("endDate", "the employee was not in service on this date");
            }
        }
        RecordDates.check(errors, "startDate", r.startDate());
        if (r.endDate().isBefore(r.startDate())) {
            errors.add("endDate", "must not be before startDate");
        }
        RecordDates.checkNotFuture(errors, "endDate", r.endDate(), zone, clock);
        // One check for every way in (REST, batch, CSV, xAPI): more days than the dates hold cannot have happened.
        if (r.days() != null && !r.endDate().isBefore(r.startDate())
                && r.days() > CompletionFlags.span(r.startDate(), r.endDate())) {
            errors.add("days", "must not exceed the days from startDate to endDate (inclusive): "
                    + CompletionFlags.span(r.startDate(), r.endDate()));
        }
        Optional<RecognitionRules> inForce = rules.inForceOn(r.endDate());
        if (inForce.isEmpty()) {
            errors.add("endDate", "no recognition rule table is in force on this date");
            errors.throwIfAny();
        }
        // A version keeps the recognition of the one it amends unless an input of it changed: a later rule table
        // must not change the JP of a record whose training did not change (a title fixed in a closed year, say).
        boolean keep = before != null && sameInputs(before, r)
                && (before.endDate.equals(r.endDate()) || inForce.get().version() == before.ruleVersion);
        RecognitionRules applied = keep ? rules.version(before.ruleVersion).orElseThrow() : inForce.get();
        Optional<BigDecimal> recognized =
                applied.recognize(r.kindId(), r.jp(), r.days(), Boolean.TRUE.equals(r.international()));
        if (recognized.isEmpty()) {
            errors.add("jp", applied.countsByDays(r.kindId())
                    ? "give jp, or days for this kind" : "required for this kind of training");
        }
        errors.throwIfAny();
        if (keep) {
            return new Recognized(before.recognizedJp, before.ruleVersion, Recognition.UNCHANGED);
        }
        return new Recognized(recognized.orElseThrow(), applied.version(),
                before == null ? Recognition.RECORDED : Recognition.INPUT_CHANGED);
    }

    /** Whether r gives recognition (see {@link RecognitionRules#recognize}) what {@code c} gave it, but for the date. */
    private static boolean sameInputs(Completion c, NewCompletion r) {
        return c.kindId == r.kindId() && sameAmount(c.jp, r.jp()) && Objects.equals(c.days, r.days())
                && c.international == Boolean.TRUE.equals(r.international());
    }

    static boolean sameContent(Completion c, NewCompletion r) {
        return c.nip.equals(r.nip()) && c.title.equals(r.title()) && c.kindId == r.kindId()
                && c.competencyType == r.competencyType() && c.deliveryMode == r.deliveryMode()
                && c.provider.equals(r.provider()) && c.startDate.equals(r.startDate()) && c.endDate.equals(r.endDate())
                && sameAmount(c.jp, r.jp()) && Objects.equals(c.days, r.days())
                && c.international == Boolean.TRUE.equals(r.international())
                && Objects.equals(c.certificateNumber, r.certificateNumber())
                && c.sourceSystem.equals(r.sourceSystem()) && c.externalId.equals(r.externalId());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
