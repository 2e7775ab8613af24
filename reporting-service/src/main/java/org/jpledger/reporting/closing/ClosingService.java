package org.jpledger.reporting.closing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.api.ClosingResponse;
import org.jpledger.reporting.api.ClosingResponse.ClosingFile;
import org.jpledger.reporting.api.YearStatesResponse.ClosingSummary;
import org.jpledger.reporting.api.YearStatesResponse.YearState;
import org.jpledger.reporting.config.ReportingConfig;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.jpledger.reporting.projection.ProjectionLock;
import org.jpledger.reporting.projection.Unit;
import org.jpledger.reporting.projection.UnitRepository;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * Closes a training year for the whole organisation or a unit subtree (a snapshot of its figures with a manifest),
 * reopens a closing, lists closings and the years' states, and refuses policy changes a standing closing covers.
 */
@ApplicationScoped
public class ClosingService {

    /** The longest note of a closing and reason of a reopening. */
    public static final int MAX_TEXT = 2000;
    /** The longest unit code a request may name (codes are short; this bounds what is looked up). */
    static final int MAX_UNIT_CODE = 100;
    /** How long one closing's transaction may run: rating and writing a province's or the country's rows. */
    private static final Duration CLOSING_TIMEOUT = Duration.ofMinutes(30);
    private static final TypeReference<Map<String, Long>> OFFSETS = new TypeReference<>() {
    };
    private static final TypeReference<List<ClosingFile>> FILES = new TypeReference<>() {
    };

    private final YearClosings closings;
    private final ClosingFiles files;
    private final SnapshotRater rater;
    private final ComplianceRepository compliance;
    private final UnitRepository units;
    private final ProjectionLock projectionLock;
    private final ReportingConfig config;
    private final UnitAccess access;
    private final Caller caller;
    private final Clock clock;
    private final ObjectMapper json;
    /** One closing at a time on this instance: a second is refused rather than queued behind a long one. */
    private final ReentrantLock running = new ReentrantLock();

    public ClosingService(YearClosings closings, ClosingFiles files, SnapshotRater rater,
            ComplianceRepository compliance, UnitRepository units, ProjectionLock projectionLock, ReportingConfig config,
            UnitAccess access, Caller caller, Clock clock, ObjectMapper json) {
        this.closings = closings;
        this.files = files;
        this.rater = rater;
        this.compliance = compliance;
        this.units = units;
        this.projectionLock = projectionLock;
        this.config = config;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
        this.json = json;
    }

    /** What closing a year asks: the note, and the subtree's root (null: the whole organisation). */
    public record Close(int year, String unitCode, String note) {
    }

    /** What reopening a closing asks: the reason, and the closing's scope (null: the whole organisation). */
    public record Reopen(int year, String unitCode, String reason) {
    }

    /**
     * Closes {@code command.year()} for its scope: checks the request, then, under the projection lock (no consumer
     * batch applies meanwhile), reads the consumer's offsets and the year's policies, rates the scope with
     * {@link SnapshotRater} and writes its rows, counts and digest, in one transaction.
     */
    public ClosingResponse close(Close command) {
        FieldErrors errors = new FieldErrors();
        text(errors, "note", command.note());
        unitCode(errors, command.unitCode());
        if (LocalDate.of(command.year(), 12, 31).isAfter(today().minusDays(1))) {
            errors.add("year", "a year can be closed once it is over");
        }
        errors.throwIfAny();
        if (!running.tryLock()) {
            throw new ConflictException("Another closing is being written on this instance; try again once it is done.");
        }
        try {
            String closedBy = caller.subject();
            long id = QuarkusTransaction.requiringNew().timeout((int) CLOSING_TIMEOUT.toSeconds())
                    .call(() -> write(command, closedBy));
            // After the commit, off the projection lock: the files come from the snapshot rows, which never change.
            // If writing them fails the closing stands, and POST .../files writes them again.
            try {
                files.write(closings.byId(id).orElseThrow());
            } catch (RuntimeException e) {
                Log.errorf(e, "the files of closing %d could not be written; POST its files to write them again", id);
            }
            return response(closings.byId(id).orElseThrow());
        } finally {
            running.unlock();
        }
    }

    private long write(Close command, String closedBy) {
        int year = command.year();
        String root = command.unitCode();
        requireScope(root);
        closings.lockClosings();
        for (Closing standing : closings.standing(year)) {
            if (overlaps(standing.unitCode(), root)) {
                throw new ConflictException("The year is already closed for this scope or one overlapping it: "
                        + standing.naming() + ". An admin may reopen it.");
            }
        }
        long started = System.nanoTime();
        projectionLock.takeAloneWithin(config.figuresLockWait());
        String offsets = closings.consumerOffsets();
        YearPolicies policies = compliance.policiesOf(year);
        LocalDate ratedOn = LocalDate.of(year, 12, 31);
        long id = closings.insert(year, root, closings.nextVersion(year, root), command.note(), clock.instant(),
                closedBy, ratedOn, policies.policies(), policies.governing(), offsets);
        SnapshotRater.Rated rated;
        try (YearClosings.RowWriter rows = closings.writer(id)) {
            rated = rater.rate(year, root, ratedOn, policies.policies(), policies.governing(), rows);
        }
        closings.complete(id, rated.ruleVersions(), rated.employeeRows(), rated.unitRows(),
                closings.snapshotSha256(id));
        Log.infof("closed %d for %s: %d employees, %d units in %d ms", year, root == null ? "the organisation" : root,
                rated.employeeRows(), rated.unitRows(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return id;
    }

    /**
     * Writes the export files of one version of the year's closing of a scope again from its snapshot (the same bytes
     * each time), for a caller who could have closed that scope; answers the closing with its files.
     */
    public ClosingResponse writeFiles(int year, String unitCode, int version) {
        FieldErrors errors = new FieldErrors();
        unitCode(errors, unitCode);
        errors.throwIfAny();
        requireScope(unitCode);
        Closing closing = QuarkusTransaction.requiringNew().call(() -> found(year, unitCode, version));
        // Two writings of the same files would share their temporary names.
        if (!running.tryLock()) {
            throw new ConflictException("A closing or its files are being written on this instance; try again once "
                    + "it is done.");
        }
        try {
            files.write(closing);
        } finally {
            running.unlock();
        }
        return response(closings.byId(closing.id()).orElseThrow());
    }

    /** A closing's file to download. */
    public record ClosingDownload(Path path, ClosingFile file) {
    }

    /**
     * The file {@code name} of one version of the year's closing of a scope, for a reader whose units cover the
     * subtree's root (a whole organisation's closing: every unit); any other answers 404, as a file that is not there.
     */
    @Transactional
    public ClosingDownload file(int year, String unitCode, int version, String name) {
        UnitScope scope = access.scope();
        boolean visible = unitCode == null ? scope.isAll() : access.covers(scope, unitCode);
        ResourceNotFoundException notFound = new ResourceNotFoundException("No file of this name in the closing, "
                + "within your units.");
        if (!visible || unitCode != null && unitCode.length() > MAX_UNIT_CODE) {
            throw notFound;
        }
        ClosingResponse closing = response(found(year, unitCode, version));
        ClosingFile file = closing.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound);
        return new ClosingDownload(files.path(name).orElseThrow(() -> notFound), file);
    }

    private Closing found(int year, String unitCode, int version) {
        return closings.version(year, unitCode, version).orElseThrow(() -> new ResourceNotFoundException(
                "No closing of " + year + " has this version for " + (unitCode == null ? "the whole organisation"
                        : "unit " + unitCode) + "."));
    }

    /** Marks the standing closing of the year and scope reopened; a later closing writes the next version. */
    @Transactional
    public ClosingResponse reopen(Reopen command) {
        FieldErrors errors = new FieldErrors();
        text(errors, "reason", command.reason());
        unitCode(errors, command.unitCode());
        errors.throwIfAny();
        closings.lockClosings();
        Closing standing = closings.standing(command.year()).stream()
                .filter(c -> same(c.unitCode(), command.unitCode())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No closing of " + command.year() + " stands for "
                        + (command.unitCode() == null ? "the whole organisation" : "unit " + command.unitCode())
                        + "."));
        closings.reopen(standing.id(), clock.instant(), caller.subject(), command.reason());
        return response(closings.byId(standing.id()).orElseThrow());
    }

    /** Every closing of the year, newest first. */
    @Transactional
    public List<ClosingResponse> ofYear(int year) {
        return closings.ofYear(year).stream().map(this::response).toList();
    }

    /** One version of the year's closing of a scope (null: the whole organisation). */
    @Transactional
    public ClosingResponse version(int year, String unitCode, int version) {
        return response(found(year, unitCode, version));
    }

    /** The state and closings of each of {@code years}, in their order. */
    @Transactional
    public List<YearState> states(List<Integer> years) {
        List<Closing> all = years.isEmpty() ? List.of() : closings.ofYears(years);
        List<YearState> states = new ArrayList<>();
        for (int year : years) {
            List<Closing> ofYear = all.stream().filter(c -> c.year() == year).toList();
            List<ClosingSummary> standing = ofYear.stream().filter(Closing::standing).map(ClosingService::summary)
                    .toList();
            String state = ofYear.stream().anyMatch(c -> c.standing() && c.unitCode() == null) ? "CLOSED"
                    : !ofYear.isEmpty() && standing.isEmpty() ? "REOPENED" : "OPEN";
            states.add(new YearState(year, state, standing, ofYear.stream().map(ClosingService::summary).toList()));
        }
        return states;
    }

    /**
     * Refuses (409, naming the closing) a change to the national policy of {@code year} ({@code unitCode} null) or to
     * the policy of unit {@code unitCode} while a standing closing covers it: a whole-organisation closing covers every
     * policy of the year; a subtree's covers the national policy, the policies of units inside the subtree and those of
     * the root's ancestors (each of them rates the subtree's employees).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requirePolicyOpen(int year, String unitCode) {
        // A closing in flight reads the policies it rates with under this lock: the change waits for it, then sees it.
        closings.lockClosings();
        for (Closing standing : closings.standing(year)) {
            boolean covers = standing.unitCode() == null || unitCode == null
                    || overlaps(standing.unitCode(), unitCode);
            if (covers) {
                throw new ConflictException("The policy of " + year + " cannot change: " + standing.naming()
                        + " stands. An admin may reopen it.");
            }
        }
    }

    /** Whether a closing of {@code closed} (null: all) and one of {@code asked} would share units of the tree. */
    private boolean overlaps(String closed, String asked) {
        if (closed == null || asked == null) {
            return true;
        }
        return ancestorsOrSelf(asked).contains(closed) || ancestorsOrSelf(closed).contains(asked);
    }

    /** The unit and the units above it, nearest first; a parent loop stops at the unit seen again. */
    private Set<String> ancestorsOrSelf(String code) {
        Set<String> line = new LinkedHashSet<>();
        String next = code;
        while (next != null && line.add(next)) {
            Unit unit = units.findById(next);
            next = unit == null ? null : unit.parentCode;
        }
        return line;
    }

    /**
     * The caller may close the whole organisation with a token for every unit, else only subtrees of its units; as for
     * other writes, a unit named outside the token's units is refused (403) whether it is known or not.
     */
    private void requireScope(String root) {
        boolean all = access.scope().isAll();
        if (root == null && !all) {
            throw new OutOfScopeException("Closing the whole organisation needs a token for every unit (*).");
        }
        if (root != null && !all) {
            access.requireWrite(root, "Unit " + root);
        }
        if (root != null && units.findByIdOptional(root).isEmpty()) {
            throw new ResourceNotFoundException("No unit with this code is known to reporting.");
        }
    }

    private ClosingResponse response(Closing c) {
        try {
            return new ClosingResponse(c.id(), c.year(), c.unitCode(), c.version(), c.note(), c.closedAt(),
                    c.closedBy(), c.ratedOn(), json.readTree(c.policies()), json.readTree(c.governing()),
                    c.ruleVersions(), json.readValue(c.offsets(), OFFSETS), c.employeeRows(), c.unitRows(),
                    json.readValue(c.files(), FILES), c.sha256(), c.standing() ? "STANDING" : "REOPENED",
                    c.reopenedAt(), c.reopenedBy(), c.reopenReason());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable manifest of closing " + c.id(), e);
        }
    }

    private static ClosingSummary summary(Closing c) {
        return new ClosingSummary(c.unitCode(), c.version(), c.closedAt(), c.closedBy(), c.reopenedAt());
    }

    private static void text(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required");
        } else if (value.length() > MAX_TEXT) {
            errors.add(field, "at most " + MAX_TEXT + " characters");
        }
    }

    private static void unitCode(FieldErrors errors, String code) {
        if (code != null && (code.isBlank() || code.length() > MAX_UNIT_CODE)) {
            errors.add("unitCode", "a unit code of 1 to " + MAX_UNIT_CODE + " characters, or absent for the whole "
                    + "organisation");
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private LocalDate today() {
        return TrainingCalendar.today(clock);
    }
}
