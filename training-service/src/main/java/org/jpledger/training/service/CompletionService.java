package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.JpRecognition;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.outbox.OutboxWriter;
import org.jpledger.training.rest.CompletionRequest;
import org.jpledger.training.rest.CompletionResponse;

/** Records training completions, idempotently per (sourceSystem, externalId), with the JP they are recognised for. */
@ApplicationScoped
public class CompletionService {

    private final CompletionRepository completions;
    private final EmployeeRepository employees;
    private final OutboxWriter outbox;
    private final Clock clock;

    public CompletionService(CompletionRepository completions, EmployeeRepository employees, OutboxWriter outbox,
            Clock clock) {
        this.completions = completions;
        this.employees = employees;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records a completion; a retry of one already recorded returns it unchanged ({@code created} false). */
    @Transactional
    public Upserted<CompletionResponse> record(CompletionRequest request) {
        TrainingKind kind = TrainingKinds.byId(request.kindId()).orElseThrow();
        BigDecimal recognizedJp = validate(request);
        Optional<Completion> earlier = completions.findByExternalId(request.sourceSystem(), request.externalId());
        if (earlier.isPresent()) {
            if (!sameContent(earlier.get(), request)) {
                throw new ConflictException("externalId " + request.externalId() + " of " + request.sourceSystem()
                        + " was already recorded with other content (completion " + earlier.get().id + ")");
            }
            return new Upserted<>(false, CompletionResponse.from(earlier.get()));
        }
        Completion c = new Completion();
        c.id = UUID.randomUUID();
        c.version = 1;
        c.nip = request.nip();
        c.title = request.title();
        c.kindId = kind.id();
        c.method = kind.method();
        c.competencyType = request.competencyType();
        c.deliveryMode = request.deliveryMode();
        c.provider = request.provider();
        c.startDate = request.startDate();
        c.endDate = request.endDate();
        c.year = TrainingCalendar.yearOf(request.endDate());
        c.jp = request.jp();
        c.days = request.days();
        c.international = Boolean.TRUE.equals(request.international());
        c.recognizedJp = recognizedJp;
        c.certificateNumber = request.certificateNumber();
        c.sourceSystem = request.sourceSystem();
        c.externalId = request.externalId();
        c.recordedAt = clock.instant();
        completions.persist(c);
        outbox.append(Topics.EMPLOYEES, c.nip, EventTypes.COMPLETION_RECORDED_V1, new CompletionRecorded(c.id, c.version,
                c.nip, c.title, c.kindId, c.method, c.competencyType, c.deliveryMode, c.provider, c.startDate, c.endDate,
                c.year, c.jp, c.days, c.international, c.recognizedJp, c.certificateNumber, c.sourceSystem, c.externalId,
                CompletionStatus.ACTIVE, 1, null));
        return new Upserted<>(true, CompletionResponse.from(c));
    }

    @Transactional
    public CompletionResponse get(UUID id) {
        return completions.findByIdOptional(id).map(CompletionResponse::from)
                .orElseThrow(() -> new ResourceNotFoundException("no completion with id " + id));
    }

    /** Checks the rules bean validation cannot see and returns the recognised JP. */
    private BigDecimal validate(CompletionRequest r) {
        FieldErrors errors = new FieldErrors();
        if (!Nip.hasValidShape(r.nip())) {
            errors.add("nip", "must be exactly 18 digits");
        } else if (employees.findForUpdate(r.nip()).isEmpty()) {
            // Locking the employee orders this completion with the employee's own changes (see EmployeeRepository).
            errors.add("nip", "no employee with this NIP; register the employee first");
        }
        if (r.endDate().isBefore(r.startDate())) {
            errors.add("endDate", "must not be before startDate");
        }
        if (r.endDate().isAfter(TrainingCalendar.today(clock))) {
            errors.add("endDate", "must not be in the future (Asia/Jakarta)");
        }
        Optional<BigDecimal> recognized =
                JpRecognition.recognize(r.kindId(), r.jp(), r.days(), Boolean.TRUE.equals(r.international()));
        if (recognized.isEmpty()) {
            errors.add("jp", JpRecognition.countsByDays(r.kindId())
                    ? "give jp, or days for a seminar or workshop" : "required for this kind of training");
        }
        errors.throwIfAny();
        return recognized.orElseThrow();
    }

    private static boolean sameContent(Completion c, CompletionRequest r) {
        return c.nip.equals(r.nip()) && c.title.equals(r.title()) && c.kindId == r.kindId()
                && c.competencyType == r.competencyType() && c.deliveryMode == r.deliveryMode()
                && c.provider.equals(r.provider()) && c.startDate.equals(r.startDate()) && c.endDate.equals(r.endDate())
                && sameAmount(c.jp, r.jp()) && Objects.equals(c.days, r.days())
                && c.international == Boolean.TRUE.equals(r.international())
                && Objects.equals(c.certificateNumber, r.certificateNumber());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
