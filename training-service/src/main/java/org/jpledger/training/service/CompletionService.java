package org.jpledger.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.PreconditionException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionHistoryEntry;
import org.jpledger.training.domain.CompletionHistoryRepository;
import org.jpledger.training.domain.CompletionQuery;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.domain.RecognitionRuleSetRepository;
import org.jpledger.training.domain.RecognitionRules;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Records, amends and voids training completions. Records are append-only: an amendment is a new version, a void ends
 * the record, and every version is kept. Recording is idempotent per (sourceSystem, externalId) and per Idempotency-Key.
 * A caller reaches only completions of employees currently in its units: a write for anyone else is refused (403), and
 * a completion outside is answered as unknown (404).
 */
@ApplicationScoped
public class CompletionService implements CompletionCommands {

    /** The refusal of a write for an employee outside the caller's units, or (for a limited scope) an unknown NIP. */
    static final String EMPLOYEE_OUTSIDE = "The employee is outside the units your token names.";
    // One answer for "no such completion" and "not yours": the second must not reveal that the id exists.
    private static final String NOT_FOUND = "No completion with this id in the units your token names.";

    private final CompletionRepository completions;
    private final CompletionHistoryRepository history;
    private final EmployeeRepository employees;
    private final RecognitionRuleSetRepository rules;
    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Caller caller;
    private final UnitAccess access;

    public CompletionService(CompletionRepository completions, CompletionHistoryRepository history,
            EmployeeRepository employees, RecognitionRuleSetRepository rules, OutboxWriter outbox, ObjectMapper mapper,
            Clock clock, Caller caller, UnitAccess access) {
        this.completions = completions;
        this.history = history;
        this.employees = employees;
        this.rules = rules;
        this.outbox = outbox;
        this.mapper = mapper;
        this.clock = clock;
        this.caller = caller;
        this.access = access;
    }

    /**
     * Records a completion for the calling request. A repeat with the same Idempotency-Key, or the same (sourceSystem,
     * externalId), and the same content returns the first record; the same key with other content is a conflict naming
     * the first record.
     */
    @Transactional
    public Upserted<CompletionSnapshot> record(NewCompletion request, String idempotencyKey) {
        return record(request, idempotencyKey, Actor.of(caller, access), Set.of());
    }

    /**
     * Records one item of a batch for {@code actor}, on any thread. {@code coveredUnits} are units the batch already
     * found inside the actor's scope, so that most items need no look-up of their own.
     */
    @Transactional
    public Upserted<CompletionSnapshot> record(NewCompletion request, Actor actor, Set<String> coveredUnits) {
        return record(request, null, actor, coveredUnits);
    }

    /**
     * Records the items of one bulk chunk for {@code actor} in a single transaction: the employees are locked together
     * (in NIP order, so concurrent chunks cannot deadlock), the earlier records of their keys read in one query, and
     * the rows written in JDBC batches. An item refused on its own (bad content, outside the scope, a conflicting
     * earlier record) is answered with its refusal and writes nothing; a failure of the transaction itself fails the
     * whole chunk, which the caller then records item by item. The requests must not repeat a (sourceSystem,
     * externalId) among themselves.
     */
    @Override
    @Transactional
    public List<ItemOutcome> recordAll(List<NewCompletion> requests, Actor actor, Set<String> coveredUnits) {
        employees.lockAll(requests.stream().map(NewCompletion::nip).filter(Nip::hasValidShape).toList());
        RecognitionRules current = rules.currentRules();
        Map<String, Completion> earlier = completions.findByExternalIds(requests.stream()
                .map(r -> new CompletionRepository.ExternalId(r.sourceSystem(), r.externalId())).toList());
        List<ItemOutcome> outcomes = new ArrayList<>(requests.size());
        for (NewCompletion request : requests) {
            Decision decision;
            try {
                decision = decide(request, null, actor, coveredUnits, current,
                        Optional.ofNullable(earlier.get(CompletionRepository.keyOf(request.sourceSystem(),
                                request.externalId()))));
            } catch (RuntimeException refusal) {
                outcomes.add(new ItemOutcome(null, refusal));
                continue;
            }
            outcomes.add(new ItemOutcome(write(decision, actor), null));
        }
        return outcomes;
    }

    private Upserted<CompletionSnapshot> record(NewCompletion request, String idempotencyKey, Actor actor,
            Set<String> coveredUnits) {
        RecognitionRules current = rules.currentRules();
        // Looked up lazily, after validation: decide asks only for a request worth recording.
        Decision decision = decide(request, idempotencyKey, actor, coveredUnits, current, null);
        return write(decision, actor);
    }

    /**
     * What recording {@code request} means: a new record, or the earlier record it repeats; throws the request's
     * refusal. Reads only ({@code earlier} null means "look it up"), so a refusal leaves nothing behind.
     */
    private Decision decide(NewCompletion request, String idempotencyKey, Actor actor, Set<String> coveredUnits,
            RecognitionRules current, Optional<Completion> earlier) {
        // First of all, before the idempotent replay too: an outsider must not read a record by replaying its key.
        Optional<Employee> employee = employeeInScope(request.nip(), actor.scope(), coveredUnits);
        BigDecimal recognizedJp = validate(request, employee, current);
        if (earlier == null) {
            earlier = idempotencyKey == null ? Optional.empty() : completions.findByIdempotencyKey(idempotencyKey);
            if (earlier.isEmpty()) {
                earlier = completions.findByExternalId(request.sourceSystem(), request.externalId());
            }
        }
        if (earlier.isPresent()) {
            Completion first = earlier.get();
            if (!sameContent(first, request)) {
                // Naming a record of an employee outside the caller's units would reveal it.
                if (!actor.scope().isAll() && !first.nip.equals(request.nip())
                        && !covers(actor.scope(), coveredUnits, unitOf(first))) {
                    throw new ConflictException("this idempotency key was already used for another completion; use a "
                            + "new key");
                }
                throw new ConflictException("this idempotency key was already used for completion " + first.id
                        + " with other content; amend that completion or use a new key");
            }
            return new Decision(request, idempotencyKey, recognizedJp, current.version(), first);
        }
        return new Decision(request, idempotencyKey, recognizedJp, current.version(), null);
    }

    /** A request found worth recording, with the earlier record it repeats (null for a new one). */
    private record Decision(NewCompletion request, String idempotencyKey, BigDecimal recognizedJp,
            int ruleVersion, Completion earlier) {
    }

    /** Stores a new record with its history and event; a repeat returns the earlier record. */
    private Upserted<CompletionSnapshot> write(Decision decision, Actor actor) {
        if (decision.earlier() != null) {
            return new Upserted<>(false, CompletionSnapshot.of(decision.earlier()));
        }
        NewCompletion request = decision.request();
        Completion c = new Completion();
        c.id = UUID.randomUUID();
        c.version = 1;
        c.sourceSystem = request.sourceSystem();
        c.externalId = request.externalId();
        c.idempotencyKey = decision.idempotencyKey();
        c.recordedAt = clock.instant();
        c.updatedAt = c.recordedAt;
        apply(c, request, decision.recognizedJp(), decision.ruleVersion());
        completions.persist(c);
        changed(c, Change.RECORDED, actor.subject());
        return new Upserted<>(true, CompletionSnapshot.of(c));
    }

    /** Replaces a completion's content as a new version, if {@code expectedVersion} is still current. */
    @Transactional
    public Upserted<CompletionSnapshot> amend(UUID id, Long expectedVersion, NewCompletion request) {
        Actor actor = Actor.of(caller, access);
        Completion c = lockedForChange(id, expectedVersion, actor.scope());
        FieldErrors fixed = new FieldErrors();
        if (!c.nip.equals(request.nip())) {
            fixed.add("nip", "cannot change; void this completion and record a new one for the other employee");
        }
        if (!c.sourceSystem.equals(request.sourceSystem())) {
            fixed.add("sourceSystem", "cannot change; it identifies the record together with externalId");
        }
        if (!c.externalId.equals(request.externalId())) {
            fixed.add("externalId", "cannot change; it identifies the record together with sourceSystem");
        }
        fixed.throwIfAny();
        // The NIP has not changed, so the employee is the one lockedForChange found in scope (no new one to check).
        RecognitionRules current = rules.currentRules();
        BigDecimal recognizedJp = validate(request, employees.findByIdOptional(c.nip), current);
        if (sameContent(c, request)) {
            return new Upserted<>(false, CompletionSnapshot.of(c));
        }
        apply(c, request, recognizedJp, current.version());
        c.version++;
        c.updatedAt = clock.instant();
        changed(c, Change.AMENDED, actor.subject());
        return new Upserted<>(false, CompletionSnapshot.of(c));
    }

    /** Ends a completion: it stays readable with its status and reason, and never counts again. */
    @Transactional
    public CompletionSnapshot voidCompletion(UUID id, Long expectedVersion, String reason) {
        Actor actor = Actor.of(caller, access);
        Completion c = lockedForChange(id, expectedVersion, actor.scope());
        end(c, reason, actor.subject());
        return CompletionSnapshot.of(c);
    }

    /**
     * Voids a completion because the statement that reported it was voided (xAPI): with no version to match, since a
     * voiding statement carries none. Answers rather than throws, so that the voiding statement is stored either way:
     * nothing to do for a completion already voided, and nothing done when the employee has left the actor's units.
     */
    @Override
    @Transactional
    public VoidOutcome voidReported(UUID id, String reason, Actor actor) {
        Completion c = completions.findForUpdate(id).orElseThrow();
        Employee employee = employees.findForUpdate(c.nip).orElseThrow();
        if (!access.covers(actor.scope(), employee.unitCode)) {
            return VoidOutcome.OUTSIDE;
        }
        if (c.status == CompletionStatus.VOIDED) {
            return VoidOutcome.ALREADY_VOIDED;
        }
        end(c, reason, actor.subject());
        return VoidOutcome.VOIDED;
    }

    /**
     * Locks, in NIP order, the employees of {@code nips} and those of the completions {@code ids}: a request that records
     * some completions and voids others takes all its employee locks at once, in the order every writer takes them.
     */
    @Override
    @Transactional
    public void lockEmployees(Collection<String> nips, Collection<UUID> ids) {
        Set<String> all = new TreeSet<>(nips.stream().filter(Nip::hasValidShape).toList());
        all.addAll(completions.nipsOf(ids));
        employees.lockAll(all);
    }

    @Override
    @Transactional
    public RecognitionRules currentRules() {
        return rules.currentRules();
    }

    private void end(Completion c, String reason, String by) {
        c.status = CompletionStatus.VOIDED;
        c.voidReason = reason;
        c.version++;
        c.updatedAt = clock.instant();
        changed(c, Change.VOIDED, by);
    }

    @Transactional
    public CompletionSnapshot get(UUID id) {
        return CompletionSnapshot.of(find(id, access.scope()));
    }

    /** Every version of a completion, oldest first. */
    @Transactional
    public List<CompletionVersion> history(UUID id) {
        find(id, access.scope());
        var reader = mapper.readerFor(CompletionSnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return history.versionsOf(id).stream().map(entry -> {
            try {
                return new CompletionVersion(entry.version, entry.change, entry.changedAt, entry.changedBy,
                        reader.<CompletionSnapshot>readValue(entry.state));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history of " + id + " version " + entry.version + " is unreadable", e);
            }
        }).toList();
    }

    /** One page of completions in recording order, of employees currently in the caller's units only. */
    @Transactional
    public Page<CompletionSnapshot> list(CompletionQuery query) {
        if (query.nip() != null && !Nip.hasValidShape(query.nip())) {
            throw InvalidRequestException.of("nip", "must be exactly 18 digits");
        }
        UnitScope scope = access.scope();
        if (query.unitCode() != null && !access.covers(scope, query.unitCode())) {
            return new Page<>(List.of(), null);
        }
        List<Completion> rows = completions.page(new CompletionQuery(query.nip(), query.unitCode(), query.from(),
                query.to(), query.status(), query.limit() + 1, query.afterSeq()), scope.isAll() ? null : scope.roots());
        boolean more = rows.size() > query.limit();
        List<Completion> page = more ? rows.subList(0, query.limit()) : rows;
        String next = more ? ListCursor.after(page.get(page.size() - 1).seq) : null;
        return new Page<>(page.stream().map(CompletionSnapshot::of).toList(), next);
    }

    /** The completion, if its employee is in {@code scope}; one outside is answered exactly like an unknown id. */
    private Completion find(UUID id, UnitScope scope) {
        Completion c = completions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        if (!scope.isAll() && !access.covers(scope, unitOf(c))) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        return c;
    }

    private Completion lockedForChange(UUID id, Long expectedVersion, UnitScope scope) {
        Completion c = completions.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        // Writes about one employee are serialised through the employee's row (see EmployeeRepository). Locked before
        // the scope check, so the employee cannot move between the check and the change.
        Employee employee = employees.findForUpdate(c.nip).orElseThrow();
        // Before the version checks: their answers (428, 412, 409) would reveal that the completion exists.
        if (!access.covers(scope, employee.unitCode)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        if (expectedVersion == null) {
            throw PreconditionException.required("send If-Match: \"" + c.version + "\" with the version you read");
        }
        if (c.status == CompletionStatus.VOIDED) {
            throw new ConflictException("completion " + id + " is voided and cannot change any more");
        }
        if (c.version != expectedVersion) {
            throw PreconditionException.failed("completion " + id + " is at version " + c.version + ", not "
                    + expectedVersion + "; read it again");
        }
        return c;
    }

    /**
     * The employee a new completion is for, locked, once {@code scope} is found to cover the employee's current unit.
     * For a scope short of the whole tree an unknown NIP is refused exactly like a foreign one, so that no caller
     * learns which NIPs exist outside its units. A NIP of the wrong shape passes, for {@link #validate} to name.
     */
    private Optional<Employee> employeeInScope(String nip, UnitScope scope, Set<String> coveredUnits) {
        if (!Nip.hasValidShape(nip)) {
            return Optional.empty();
        }
        // Locking the employee orders this completion with the employee's own changes (see EmployeeRepository).
        Optional<Employee> employee = employees.findForUpdate(nip);
        boolean inScope = employee.isPresent() ? covers(scope, coveredUnits, employee.get().unitCode) : scope.isAll();
        if (!inScope) {
            throw new OutOfScopeException(EMPLOYEE_OUTSIDE);
        }
        return employee;
    }

    private boolean covers(UnitScope scope, Set<String> coveredUnits, String unitCode) {
        return unitCode != null && coveredUnits.contains(unitCode) || access.covers(scope, unitCode);
    }

    /** The current unit of the completion's employee. */
    private String unitOf(Completion c) {
        return employees.findByIdOptional(c.nip).map(e -> e.unitCode).orElse(null);
    }

    private void apply(Completion c, NewCompletion r, BigDecimal recognizedJp, int ruleVersion) {
        TrainingKind kind = TrainingKinds.byId(r.kindId()).orElseThrow();
        c.nip = r.nip();
        c.title = r.title();
        c.kindId = kind.id();
        c.method = kind.method();
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
        c.recognizedJp = recognizedJp;
        c.ruleVersion = ruleVersion;
        c.certificateNumber = r.certificateNumber();
    }

    /** Keeps the version in history and publishes it, in the transaction of the change. */
    private void changed(Completion c, Change change, String by) {
        // The caller stamps updatedAt before: stamping a just-persisted record here would turn its insert into an
        // insert and an update of the whole row (every index written twice).
        CompletionHistoryEntry entry = new CompletionHistoryEntry();
        entry.completionId = c.id;
        entry.version = c.version;
        entry.change = change;
        entry.changedAt = c.updatedAt;
        entry.changedBy = by;
        try {
            entry.state = mapper.writeValueAsString(CompletionSnapshot.of(c));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("completion " + c.id + " cannot be serialised", e);
        }
        history.persist(entry);
        CompletionEvents.append(outbox, c);
    }

    /** Checks the rules bean validation cannot see and returns the recognised JP; {@code employee} is r's, if any. */
    private BigDecimal validate(NewCompletion r, Optional<Employee> employee, RecognitionRules current) {
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
        if (r.endDate().isAfter(TrainingCalendar.today(clock))) {
            errors.add("endDate", "must not be in the future (Asia/Jakarta)");
        }
        Optional<BigDecimal> recognized =
                current.recognize(r.kindId(), r.jp(), r.days(), Boolean.TRUE.equals(r.international()));
        if (recognized.isEmpty()) {
            errors.add("jp", current.countsByDays(r.kindId())
                    ? "give jp, or days for this kind" : "required for this kind of training");
        }
        errors.throwIfAny();
        return recognized.orElseThrow();
    }

    private static boolean sameContent(Completion c, NewCompletion r) {
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
