package org.jpledger.training.xapi.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.domain.RecognitionRuleBook;
import org.jpledger.training.xapi.store.XapiStatement.Outcome;
import org.jpledger.training.xapi.rules.CompletionMapping;
import org.jpledger.training.xapi.rules.ContextActivities;
import org.jpledger.training.xapi.rules.MultipartMixed;
import org.jpledger.training.xapi.rules.StatementAttachments;
import org.jpledger.training.xapi.rules.StatementComparison;
import org.jpledger.training.xapi.rules.StatementValidator;
import org.jpledger.training.xapi.rules.Timestamps;
import org.jpledger.training.xapi.rules.XapiVerbs;
import org.jpledger.support.paging.Cursor;
import org.jpledger.training.evidence.service.CertificateIntake;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.CompletionCommands;
import org.jpledger.training.service.NewCompletion;

/**
 * The xAPI Statement Resource's use cases: storing statements (immutably, a batch all or nothing) and turning those
 * that report a completion into completions through {@link CompletionCommands}, voiding, and reading them back. An
 * integrating system reads the statements it sent; an admin reads all of them.
 */
@ApplicationScoped
public class StatementService {

    /** The listing kind of outcome cursors: "seq" as before, so cursors given out earlier still read. */
    public static final String CURSOR = "seq";

    private static final int REASON_LIMIT = 2000;
    // Statements this service stored: plain reading, the request rules were applied when they came in.
    private static final ObjectMapper READER = new ObjectMapper();

    private final XapiStatementRepository statements;
    private final XapiAttachmentRepository attachments;
    private final CompletionCommands completions;
    private final XapiConfig config;
    private final Caller caller;
    private final UnitAccess access;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final CertificateIntake certificates;
    private final ActivityService activities;

    public StatementService(XapiStatementRepository statements, XapiAttachmentRepository attachments,
            CompletionCommands completions, XapiConfig config, Caller caller, UnitAccess access, Validator validator,
            ObjectMapper mapper, CertificateIntake certificates, ActivityService activities) {
        this.certificates = certificates;
        this.activities = activities;
        this.statements = statements;
        this.attachments = attachments;
        this.completions = completions;
        this.config = config;
        this.caller = caller;
        this.access = access;
        this.validator = validator;
        this.mapper = mapper;
    }

    /**
     * Stores {@code incoming} (a batch when {@code batch}) at {@code stored} and returns their ids in order. A statement
     * already stored with the same id and equivalent content is left as it is; with other content, or by another
     * system, the whole request is a conflict (409). Any refusal stores nothing. {@code version} is set on statements
     * that name none.
     */
    @Transactional
    public List<UUID> store(List<JsonNode> incoming, List<MultipartMixed.Part> parts, boolean batch, String version,
            Instant stored) {
        // First, as every write does: a caller whose token names no units is refused (403).
        Actor actor = Actor.of(caller, access);
        String system = system();
        StatementAttachments.limit(incoming, parts, new StatementAttachments.Caps(config.attachmentsPerStatement(),
                config.attachmentBytes().asLongValue()), batch);
        List<ObjectNode> sent = new ArrayList<>(incoming.size());
        for (int i = 0; i < incoming.size(); i++) {
            StatementValidator.check(incoming.get(i), batch ? "[" + i + "]" : "");
            ObjectNode statement = (ObjectNode) incoming.get(i).deepCopy();
            ContextActivities.asArrays(statement);
            sent.add(statement);
        }
        Map<String, MultipartMixed.Part> content = StatementAttachments.check(sent, parts, batch);
        // A certificate that is no PDF or image, or too large, refuses the request before anything is stored.
        for (int i = 0; i < sent.size(); i++) {
            certificatesOf(sent.get(i), batch ? "[" + i + "]." : "", content)
                    .forEach(certificate -> certificates.check(certificate.content(), certificate.field()));
        }
        List<UUID> ids = assignIds(sent, batch);
        Set<UUID> locked = new LinkedHashSet<>(ids);
        Set<UUID> referred = new LinkedHashSet<>();
        for (ObjectNode statement : sent) {
            StatementIndex index = StatementIndex.of(statement);
            if (index.voids() != null) {
                locked.add(index.voids());
            }
            if (index.refers() != null) {
                referred.add(index.refers());
            }
        }
        statements.lockIds(locked);
        referred.addAll(locked);
        Map<UUID, XapiStatement> known = statements.findByIds(referred);

        List<ObjectNode> fresh = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            XapiStatement earlier = known.get(ids.get(i));
            if (earlier == null) {
                fresh.add(sent.get(i));
            } else if (!earlier.system.equals(system)
                    || !StatementComparison.equivalent(read(earlier.body), sent.get(i))) {
                // One answer whoever stored it, so that the answer tells nothing of another system's statement.
                throw new ConflictException("statement id " + ids.get(i) + " is already stored with other content; a "
                        + "statement cannot change (void it and send a new one with a new id)");
            }
        }
        Map<UUID, ObjectNode> freshById = new HashMap<>();
        fresh.forEach(s -> freshById.put(UUID.fromString(s.get("id").asText()), s));
        checkVoiding(fresh, freshById, known, batch ? ids : null);

        // Each new row with its statement as stored, in the order sent.
        Map<XapiStatement, ObjectNode> rows = new LinkedHashMap<>();
        for (ObjectNode statement : fresh) {
            rows.put(row(complete(statement, stored, version, system), system, stored), statement);
        }
        joinTargets(rows, known);
        record(rows, known, system, actor);
        rows.forEach((row, statement) -> {
            if (row.outcome == Outcome.RECORDED) {
                certificatesOf(statement, "", content).forEach(certificate -> certificates.attachReported(
                        row.completionId, certificate.content(), certificate.name(), actor.subject()));
            }
        });
        rows.keySet().forEach(statements::persist);
        // The Activities Resource's definitions change with the statements carrying them, or not at all.
        activities.record(system, List.copyOf(rows.values()), stored);
        content.forEach((sha2, part) -> {
            XapiAttachment attachment = new XapiAttachment();
            attachment.sha2 = sha2;
            attachment.contentType = part.header("Content-Type");
            attachment.content = part.content();
            attachment.stored = stored;
            this.attachments.keep(attachment, system);
        });
        return ids;
    }

    /** A certificate attachment of a statement: its field, its content and the name it is displayed with. */
    private record Certificate(String field, byte[] content, String name) {
    }

    /**
     * The attachments of {@code statement} with the certificate usage type whose content this request carries; one
     * named by fileUrl alone is not fetched, so it is no certificate file here.
     */
    private List<Certificate> certificatesOf(JsonNode statement, String prefix, Map<String, MultipartMixed.Part> parts) {
        List<Certificate> found = new ArrayList<>();
        JsonNode list = statement.path("attachments");
        for (int a = 0; a < list.size(); a++) {
            JsonNode attachment = list.get(a);
            if (!XapiProfile.CERTIFICATE_ATTACHMENT.equals(attachment.path("usageType").asText(null))) {
                continue;
            }
            String sha2 = attachment.path("sha2").asText("").toLowerCase(Locale.ROOT);
            MultipartMixed.Part part = parts.get(sha2);
            if (part != null) {
                byte[] bytes = part.content();
                JsonNode display = attachment.path("display");
                String name = display.isObject() && display.size() > 0 ? display.elements().next().asText(null) : null;
                found.add(new Certificate(prefix + "attachments[" + a + "]", bytes, name));
            }
        }
        return found;
    }

    /**
     * The kept attachments {@code found} name whose content their sender holds (a statement of another system naming
     * the same hash reaches nothing), each once, in the order named; without the content, which {@link #content} reads
     * one at a time.
     */
    @Transactional
    public List<XapiAttachmentRepository.Kept> attachmentsOf(List<StoredStatement> found) {
        Map<String, Set<String>> hashesBySystem = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        found.forEach(s -> s.statement().path("attachments").forEach(a -> {
            String sha2 = a.path("sha2").asText("").toLowerCase(Locale.ROOT);
            named.add(sha2);
            hashesBySystem.computeIfAbsent(s.system(), k -> new LinkedHashSet<>()).add(sha2);
        }));
        Map<String, XapiAttachmentRepository.Kept> held = new HashMap<>();
        hashesBySystem.forEach((system, hashes) -> attachments.keptFor(system, hashes)
                .forEach(kept -> held.put(kept.sha2(), kept)));
        return named.stream().map(held::get).filter(Objects::nonNull).toList();
    }

    /** The content with {@code sha2}, read in a transaction of its own so that an answer holds one at a time. */
    @Transactional
    public byte[] content(String sha2) {
        byte[] content = attachments.content(sha2);
        if (content == null) {
            throw new IllegalStateException("attachment content " + sha2 + " is no longer kept");
        }
        return content;
    }

    /** One statement by id; a voided statement only when {@code voided} asks for it, and the others only when not. */
    @Transactional
    public Optional<StoredStatement> get(UUID id, boolean voided) {
        return statements.findByIdOptional(id).filter(this::visible)
                .filter(s -> voided == (s.voidedBy != null))
                .map(s -> new StoredStatement(read(s.body), s.stored, s.system));
    }

    /** A statement with its stored time and its sender ({@link Caller#system()}). */
    public record StoredStatement(JsonNode statement, Instant stored, String system) {
    }

    /**
     * One page of the caller's statements (an admin's: everyone's) passing {@code filter}, after {@code after}; with the
     * place the page ended at when more follow.
     */
    @Transactional
    public StatementPage list(StatementFilter filter, StatementFilter.Position after, int limit) {
        StatementFilter scoped = caller.hasRole(Access.ADMIN) ? filter : filter.withSystem(system());
        List<XapiStatementRepository.Row> rows = statements.page(scoped, after, limit + 1);
        boolean more = rows.size() > limit;
        List<XapiStatementRepository.Row> page = more ? rows.subList(0, limit) : rows;
        return new StatementPage(page.stream().map(row -> new StoredStatement(read(row.body()),
                row.position().stored(), row.system())).toList(), more ? page.get(page.size() - 1).position() : null);
    }

    /** A page of statements, and the place to continue after when more follow (null at the end). */
    public record StatementPage(List<StoredStatement> statements, StatementFilter.Position continueAfter) {
    }

    /** Admin view: what stored statements meant for the completions, one page in storing order after {@code afterSeq}. */
    @Transactional
    public StatementOutcomePage outcomes(Outcome outcome, String system, long afterSeq, int limit) {
        List<XapiStatement> rows = statements.outcomes(outcome, system == null ? null : Caller.systemNamed(system),
                afterSeq, limit + 1);
        boolean more = rows.size() > limit;
        List<XapiStatement> page = more ? rows.subList(0, limit) : rows;
        return new StatementOutcomePage(page.stream().map(StatementOutcomeResponse::from).toList(),
                more ? Cursor.after(CURSOR, page.get(page.size() - 1).seq) : null);
    }

    /** The integrating system the caller is (see {@link Caller#system()}). */
    private String system() {
        return caller.system();
    }

    private boolean visible(XapiStatement s) {
        return caller.hasRole(Access.ADMIN) || s.system.equals(system());
    }

    /** Gives statements without an id one; refuses ids repeated within a batch. */
    private static List<UUID> assignIds(List<ObjectNode> sent, boolean batch) {
        List<UUID> ids = new ArrayList<>(sent.size());
        Map<UUID, Integer> first = new HashMap<>();
        FieldErrors repeated = new FieldErrors();
        for (int i = 0; i < sent.size(); i++) {
            ObjectNode statement = sent.get(i);
            if (!statement.hasNonNull("id")) {
                statement.put("id", UUID.randomUUID().toString());
            }
            UUID id = UUID.fromString(statement.get("id").asText());
            // One spelling of the id everywhere, so that the stored statement and its id column agree.
            statement.put("id", id.toString());
            Integer earlier = first.putIfAbsent(id, i);
            if (earlier != null) {
                repeated.add((batch ? "[" + i + "]." : "") + "id", "repeats the id of statement [" + earlier
                        + "] of this batch");
            }
            ids.add(id);
        }
        repeated.throwIfAny();
        return ids;
    }

    /**
     * A voiding statement must target a statement that is not itself voiding (400), and one of another system only for
     * an admin (403). Its target may be missing: it is then voided on arrival.
     */
    private void checkVoiding(List<ObjectNode> fresh, Map<UUID, ObjectNode> freshById, Map<UUID, XapiStatement> known,
            List<UUID> batchIds) {
        for (ObjectNode statement : fresh) {
            UUID target = StatementIndex.of(statement).voids();
            if (target == null) {
                continue;
            }
            String field = (batchIds == null ? "" : "[" + batchIds.indexOf(UUID.fromString(statement.get("id").asText()))
                    + "].") + "object.id";
            XapiStatement stored = known.get(target);
            if (stored != null && stored.outcome == Outcome.VOIDING
                    || freshById.containsKey(target) && XapiVerbs.isVoiding(freshById.get(target))) {
                throw InvalidRequestException.of(field, "targets a voiding statement, which cannot be voided");
            }
            if (stored != null && !visible(stored)) {
                throw new OutOfScopeException("statement " + target + " was sent by another system; only it or an admin "
                        + "may void it");
            }
        }
    }

    /** Sets what the store sets: stored, authority, the version if none was given, and the timestamp if none was. */
    private ObjectNode complete(ObjectNode statement, Instant stored, String version, String system) {
        String storedText = Timestamps.format(stored);
        statement.put("stored", storedText);
        if (!statement.has("timestamp")) {
            statement.put("timestamp", storedText);
        }
        if (!statement.has("version")) {
            statement.put("version", version);
        }
        ObjectNode authority = statement.putObject("authority");
        authority.put("objectType", "Agent");
        authority.putObject("account").put("homePage", config.authorityHomePage()).put("name", Caller.shownName(system));
        return statement;
    }

    private XapiStatement row(ObjectNode statement, String system, Instant stored) {
        StatementIndex index = StatementIndex.of(statement);
        XapiStatement row = new XapiStatement();
        row.id = UUID.fromString(statement.get("id").asText());
        row.stored = stored;
        row.body = write(statement);
        row.system = system;
        row.index(index);
        row.outcome = index.voids() != null ? Outcome.VOIDING : Outcome.NOT_COMPLETION;
        return row;
    }

    /**
     * A statement referring to another answers to its target's filter values too, so that a client filtering for the
     * target also finds what was said about it (a void, above all).
     */
    private static void joinTargets(Map<XapiStatement, ObjectNode> rows, Map<UUID, XapiStatement> known) {
        Map<UUID, XapiStatement> rowsById = new HashMap<>();
        rows.keySet().forEach(row -> rowsById.put(row.id, row));
        rows.forEach((row, statement) -> {
            UUID refers = StatementIndex.of(statement).refers();
            XapiStatement target = refers == null ? null : rowsById.getOrDefault(refers, known.get(refers));
            if (target != null) {
                row.index(row.index().withTarget(target.index()));
            }
        });
    }

    /**
     * Turns the new statements that report a completion into completions and applies the new voiding statements, with
     * every employee involved locked first; a statement that does not become a completion gets its reason.
     */
    private void record(Map<XapiStatement, ObjectNode> rows, Map<UUID, XapiStatement> known, String system,
            Actor actor) {
        RecognitionRuleBook rules = completions.ruleBook();
        // The zones of all the request's employees in one read: each completion is dated in its employee's zone.
        Map<String, ZoneId> zones = completions.zonesOf(rows.values().stream().map(CompletionMapping::actorNip)
                .flatMap(Optional::stream).collect(Collectors.toSet()));
        CompletionMapping mapping = new CompletionMapping(config.nipHomePage(),
                (kind, end) -> rules.inForceOn(end).map(r -> r.countsByDays(kind)).orElse(false),
                nip -> zones.getOrDefault(nip, TrainingCalendar.ZONE));
        Set<UUID> inRequest = rows.keySet().stream().map(r -> r.id).collect(Collectors.toSet());
        List<XapiStatement> reporting = new ArrayList<>();
        List<NewCompletion> requests = new ArrayList<>();
        Map<UUID, UUID> voiders = statements.voidersOf(inRequest, system);
        // A void in this request wins over an earlier one: either way the statement is voided on arrival.
        rows.keySet().stream().filter(r -> r.voids != null).forEach(r -> voiders.put(r.voids, r.id));
        for (XapiStatement row : rows.keySet()) {
            if (row.outcome == Outcome.VOIDING) {
                continue;
            }
            row.voidedBy = voiders.get(row.id);
            CompletionMapping.Outcome outcome = mapping.map(rows.get(row), Caller.shownName(system));
            if (outcome instanceof CompletionMapping.Unmapped unmapped) {
                unmapped(row, unmapped.reason());
            } else if (outcome instanceof CompletionMapping.Completion completion) {
                String invalid = row.voidedBy != null ? "voided by statement " + row.voidedBy + " before it was stored"
                        : violations(completion.request());
                if (invalid != null) {
                    unmapped(row, invalid);
                } else {
                    reporting.add(row);
                    requests.add(completion.request());
                }
            }
        }
        Map<XapiStatement, XapiStatement> voids = new LinkedHashMap<>();
        for (XapiStatement row : rows.keySet()) {
            XapiStatement target = row.voids == null || inRequest.contains(row.voids) ? null : known.get(row.voids);
            if (target != null && target.voidedBy == null) {
                voids.put(row, target);
            }
        }
        completions.lockEmployees(requests.stream().map(NewCompletion::nip).toList(), voids.values().stream()
                .filter(t -> t.outcome == Outcome.RECORDED).map(t -> t.completionId).toList());
        if (!requests.isEmpty()) {
            List<CompletionCommands.ItemOutcome> outcomes = completions.recordAll(requests, actor, Set.of());
            for (int i = 0; i < outcomes.size(); i++) {
                XapiStatement row = reporting.get(i);
                CompletionCommands.ItemOutcome outcome = outcomes.get(i);
                if (outcome.refusal() != null) {
                    unmapped(row, refusal(outcome.refusal()));
                } else {
                    row.outcome = Outcome.RECORDED;
                    row.completionId = outcome.result().body().id();
                }
            }
        }
        voids.forEach((voider, target) -> {
            target.voidedBy = voider.id;
            if (target.outcome == Outcome.RECORDED && completions.voidReported(target.completionId,
                    "voided by xAPI statement " + voider.id, actor) == CompletionCommands.VoidOutcome.OUTSIDE) {
                voider.reason = "completion " + target.completionId + " stays: its employee is outside the units of "
                        + Caller.shownName(system);
            }
        });
    }

    private String violations(NewCompletion request) {
        Set<ConstraintViolation<NewCompletion>> violations = validator.validate(request);
        if (violations.isEmpty()) {
            return null;
        }
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                .collect(Collectors.joining("; "));
    }

    private static String refusal(RuntimeException refusal) {
        if (refusal instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().map(e -> e.field() + ": " + e.reason()).collect(Collectors.joining("; "));
        }
        return refusal.getMessage();
    }

    private static void unmapped(XapiStatement row, String reason) {
        row.outcome = Outcome.UNMAPPED;
        row.reason = reason.length() > REASON_LIMIT ? reason.substring(0, REASON_LIMIT) : reason;
    }

    private static JsonNode read(String body) {
        try {
            return READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement is unreadable", e);
        }
    }

    private String write(JsonNode statement) {
        try {
            return mapper.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement cannot be written", e);
        }
    }
}
