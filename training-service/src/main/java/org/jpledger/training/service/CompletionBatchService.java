package org.jpledger.training.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.Problems;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.training.config.IngestConfig;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.service.BatchResult.Status;
import org.jpledger.training.service.csv.CsvImportFormat;
import org.jpledger.training.service.imports.ImportRow;
import org.jpledger.training.service.imports.RowSource;

/**
 * Records many completions at once, from a JSON batch or a CSV file, in groups of items each written in one transaction
 * on a few shared workers in parallel (items of one employee in input order); one bad item never sinks the others, and
 * the outcome of each is reported in input order. An item for an employee outside the
 * caller's units is refused (403) on its own, like any other bad item. A request finding the workers' queue full is
 * refused as a whole with 429 before anything is recorded (see {@link IngestWorkers}).
 */
@ApplicationScoped
public class CompletionBatchService {

    public static final int MAX_BATCH = 1000;

    private static final Problem OUTSIDE = Problems.from(new OutOfScopeException(CompletionService.EMPLOYEE_OUTSIDE));

    private final CompletionService completions;
    private final EmployeeService employees;
    private final Caller caller;
    private final UnitAccess access;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final IngestConfig config;
    private final IngestWorkers workers;
    private final CsvImportFormat csv;

    public CompletionBatchService(CompletionService completions, EmployeeService employees, Caller caller,
            UnitAccess access, ObjectMapper mapper, Validator validator, IngestConfig config, IngestWorkers workers,
            CsvImportFormat csv) {
        this.completions = completions;
        this.employees = employees;
        this.caller = caller;
        this.access = access;
        this.mapper = mapper;
        this.validator = validator;
        this.config = config;
        this.workers = workers;
        this.csv = csv;
    }

    /** Records each item of a JSON batch on its own; results in input order. */
    public BatchResult recordBatch(List<JsonNode> items) {
        if (items.isEmpty()) {
            throw InvalidRequestException.of("body", "must hold at least one completion");
        }
        if (items.size() > MAX_BATCH) {
            throw InvalidRequestException.of("body", "holds " + items.size() + " completions; at most " + MAX_BATCH
                    + " per batch (use the CSV import for more)");
        }
        List<BatchResult.Item> results;
        try (Admission.Ticket admitted = workers.admit()) {
            results = recordAll(items, 0, Actor.of(caller, access));
        }
        return new BatchResult(count(results, Status.CREATED), count(results, Status.EXISTING),
                count(results, Status.ERROR), results);
    }

    /**
     * Records each data row of a CSV file as it is read (see {@link CsvImportFormat}). A data line over its cap ends
     * the import there; while nothing is recorded yet (the line is among the first rows read ahead) the whole file is
     * refused with 413, its rows before the line dropped too, for further on the rows recorded cannot be taken back.
     */
    public ImportResult importCsv(InputStream body) {
        try (Admission.Ticket admitted = workers.admit()) {
            return importRows(csv.open(body), Actor.of(caller, access));
        }
    }

    private ImportResult importRows(RowSource rows, Actor actor) {
        ImportTally tally = new ImportTally();
        List<JsonNode> chunk = new ArrayList<>(config.importChunkRows());
        long chunkChars = 0;
        for (ImportRow row = rows.next(); row != null; row = rows.next()) {
            if (row.refusal() != null) {
                if (row.last() && tally.rows == 0 && row.refusal() instanceof PayloadTooLargeException tooLong) {
                    throw new PayloadTooLargeException(tooLong.getMessage().replaceFirst("\\.$", "")
                            + "; nothing was recorded.", tooLong.errors());
                }
                // The rows before it go first, so that the tally stays in row order.
                tally.add(recordAll(chunk, tally.rows + 1, actor));
                chunk.clear();
                chunkChars = 0;
                tally.refuse(row.number(), Problems.from(row.refusal()));
                continue;
            }
            chunk.add(row.item());
            chunkChars += row.chars();
            // Rows or characters, whichever comes first: 500 rows of 64 K characters would hold 64 MB per import.
            if (chunk.size() == config.importChunkRows() || chunkChars >= config.importChunkChars()) {
                tally.add(recordAll(chunk, tally.rows + 1, actor));
                chunk.clear();
                chunkChars = 0;
            }
        }
        tally.add(recordAll(chunk, tally.rows + 1, actor));
        return tally.response();
    }

    /**
     * Records rows of an import job in the caller's transaction, one after another on the calling thread, so that
     * the job's progress commits with them: each result is numbered by its row; a row refused while reading is
     * answered with its refusal. No single row makes this throw; a failure of the transaction itself (the database
     * failed, another request recorded one of the keys first) propagates, and the caller may then record the rows
     * with {@link #recordRowsApart}.
     */
    public List<BatchResult.Item> recordRowsTogether(List<ImportRow> rows, Actor actor) {
        List<JsonNode> items = rows.stream().filter(r -> r.item() != null).map(ImportRow::item).toList();
        ItemScope scope = scopeOf(items, actor);
        BatchResult.Item[] results = new BatchResult.Item[rows.size()];
        Set<String> keys = new HashSet<>();
        List<Integer> accepted = new ArrayList<>();
        List<NewCompletion> requests = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            Object read = row.refusal() != null ? error((int) row.number(), row.refusal())
                    : read((int) row.number(), row.item(), scope);
            if (!(read instanceof NewCompletion request)) {
                results[i] = (BatchResult.Item) read;
            } else if (keys.add(CompletionRepository.keyOf(request.sourceSystem(), request.externalId()))) {
                accepted.add(i);
                requests.add(request);
            } else {
                // recordAll takes each key once: a repeat is recorded after the first, and reported against it.
                repeats.add(i);
            }
        }
        recordTogether(accepted, requests, rows, actor, scope, results);
        for (int i : repeats) {
            NewCompletion request = (NewCompletion) read((int) rows.get(i).number(), rows.get(i).item(), scope);
            recordTogether(List.of(i), List.of(request), rows, actor, scope, results);
        }
        return List.of(results);
    }

    /** Records rows of an import job each on its own, as the synchronous import does; results numbered by row. */
    public List<BatchResult.Item> recordRowsApart(List<ImportRow> rows, Actor actor) {
        List<BatchResult.Item> results = new ArrayList<>(rows.size());
        List<JsonNode> run = new ArrayList<>();
        long first = 0;
        for (ImportRow row : rows) {
            if (row.refusal() != null || (!run.isEmpty() && row.number() != first + run.size())) {
                results.addAll(recordAll(run, first, actor));
                run.clear();
            }
            if (row.refusal() != null) {
                results.add(error((int) row.number(), row.refusal()));
                continue;
            }
            if (run.isEmpty()) {
                first = row.number();
            }
            run.add(row.item());
        }
        results.addAll(recordAll(run, first, actor));
        return results;
    }

    private void recordTogether(List<Integer> accepted, List<NewCompletion> requests, List<ImportRow> rows,
            Actor actor, ItemScope scope, BatchResult.Item[] results) {
        if (requests.isEmpty()) {
            return;
        }
        List<CompletionCommands.ItemOutcome> outcomes = completions.recordAll(requests, actor, scope.coveredUnits());
        for (int k = 0; k < accepted.size(); k++) {
            int row = (int) rows.get(accepted.get(k)).number();
            CompletionCommands.ItemOutcome outcome = outcomes.get(k);
            results[accepted.get(k)] = outcome.refusal() != null ? error(row, outcome.refusal())
                    : success(row, outcome.result());
        }
    }

    /**
     * Records the items for {@code actor} and returns their results in input order, each numbered from
     * {@code firstIndex}. The items are dealt into groups of whole lanes (see {@link IngestPlan}), each recorded in one
     * transaction on the shared ingest workers; items repeating an earlier key are recorded after all groups.
     */
    private List<BatchResult.Item> recordAll(List<JsonNode> items, long firstIndex, Actor actor) {
        if (items.isEmpty()) {
            return List.of();
        }
        BatchResult.Item[] results = new BatchResult.Item[items.size()];
        ItemScope scope = scopeOf(items, actor);
        IngestPlan plan = IngestPlan.of(items);
        List<Future<?>> groups = new ArrayList<>();
        for (List<Integer> group : plan.groups(config.parallelism())) {
            groups.add(workers.submit(() -> recordGroup(group, items, firstIndex, actor, scope, results)));
        }
        for (Future<?> group : groups) {
            awaitGroup(group);
        }
        plan.repeats().forEach(i -> results[i] = recordOne((int) (firstIndex + i), items.get(i), actor, scope));
        return List.of(results);
    }

    /**
     * Records the items at {@code indexes} in one transaction. Items refused before any database work (outside the
     * scope, unreadable, invalid) are answered at once. Should the transaction itself fail (another request recorded
     * one of the keys first, the database failed), nothing of it was written and its items are recorded one by one.
     */
    private void recordGroup(List<Integer> indexes, List<JsonNode> items, long firstIndex, Actor actor,
            ItemScope scope, BatchResult.Item[] results) {
        List<Integer> accepted = new ArrayList<>(indexes.size());
        List<NewCompletion> requests = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            Object read = read((int) (firstIndex + i), items.get(i), scope);
            if (read instanceof NewCompletion request) {
                accepted.add(i);
                requests.add(request);
            } else {
                results[i] = (BatchResult.Item) read;
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        List<CompletionCommands.ItemOutcome> outcomes;
        try {
            outcomes = completions.recordAll(requests, actor, scope.coveredUnits());
        } catch (RuntimeException e) {
            Log.debugf(e, "a group of %d batch items failed as a whole; recording them one by one", requests.size());
            for (int k = 0; k < accepted.size(); k++) {
                int i = accepted.get(k);
                results[i] = recordRequest((int) (firstIndex + i), requests.get(k), actor, scope);
            }
            return;
        }
        for (int k = 0; k < accepted.size(); k++) {
            CompletionCommands.ItemOutcome outcome = outcomes.get(k);
            results[accepted.get(k)] = outcome.refusal() != null
                    ? error((int) (firstIndex + accepted.get(k)), outcome.refusal())
                    : success((int) (firstIndex + accepted.get(k)), outcome.result());
        }
    }

    /**
     * Where the items' employees are and which of those units the actor's scope covers: the employees in one query
     * and their coverage in another, on the request thread, instead of a look-up per item on the lanes.
     */
    private ItemScope scopeOf(List<JsonNode> items, Actor actor) {
        if (actor.scope().isAll()) {
            return ItemScope.WHOLE_TREE;
        }
        Set<String> nips = items.stream().map(CompletionBatchService::nipOf).filter(Nip::hasValidShape)
                .collect(Collectors.toSet());
        Map<String, String> units = employees.unitsOf(nips);
        return new ItemScope(false, units, access.covered(actor.scope(), units.values()));
    }

    /**
     * The employees of a batch's items, with their units, and the units the actor's scope covers.
     *
     * @param wholeTree true when the actor's scope is the whole tree, so nothing is looked up or refused
     */
    private record ItemScope(boolean wholeTree, Map<String, String> unitByNip, Set<String> coveredUnits) {

        static final ItemScope WHOLE_TREE = new ItemScope(true, Map.of(), Set.of());

        /**
         * Whether an item for {@code nip} is refused: its employee's unit is not covered, or for a scope short of the
         * whole tree no employee has the NIP (the same answer, so that no NIP outside is revealed). A NIP of the wrong
         * shape is left to validation.
         */
        boolean refuses(String nip) {
            if (wholeTree || !Nip.hasValidShape(nip)) {
                return false;
            }
            String unit = unitByNip.get(nip);
            return unit == null || !coveredUnits.contains(unit);
        }
    }

    private static void awaitGroup(Future<?> group) {
        try {
            group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a batch", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("recording a batch item failed unexpectedly", e.getCause());
        }
    }

    /** Running counts of an import, and its first refused rows. */
    private static final class ImportTally {
        long rows;
        long created;
        long existing;
        long failed;
        final List<ImportResult.RowError> errors = new ArrayList<>();

        void add(List<BatchResult.Item> results) {
            for (BatchResult.Item result : results) {
                rows++;
                switch (result.status()) {
                    case CREATED -> created++;
                    case EXISTING -> existing++;
                    case ERROR -> refuse(result.index(), result.problem());
                }
            }
        }

        void refuse(long row, Problem problem) {
            rows = Math.max(rows, row);
            failed++;
            if (errors.size() < ImportResult.MAX_ERRORS) {
                errors.add(new ImportResult.RowError(row, problem));
            }
        }

        ImportResult response() {
            return new ImportResult(rows, created, existing, failed, errors, failed > errors.size());
        }
    }

    /** Checks the scope, converts, validates and records one item in its own transaction. */
    private BatchResult.Item recordOne(int index, JsonNode item, Actor actor, ItemScope scope) {
        Object read = read(index, item, scope);
        return read instanceof NewCompletion request ? recordRequest(index, request, actor, scope)
                : (BatchResult.Item) read;
    }

    /**
     * The item as a valid request, or the result refusing it: outside the scope, unreadable or invalid. Touches no
     * database.
     */
    private Object read(int index, JsonNode item, ItemScope scope) {
        if (scope.refuses(nipOf(item))) {
            return new BatchResult.Item(index, Status.ERROR, null, OUTSIDE);
        }
        try {
            NewCompletion request = mapper.treeToValue(item, NewCompletion.class);
            if (request == null) {
                // A JSON null item: nothing for the validator, which refuses to be given null.
                return new BatchResult.Item(index, Status.ERROR, null,
                        Problems.from(InvalidRequestException.of("body", "must be a completion, not null")));
            }
            Set<ConstraintViolation<NewCompletion>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return new BatchResult.Item(index, Status.ERROR, null, Problems.violations(violations));
            }
            return request;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new BatchResult.Item(index, Status.ERROR, null, Problems.from(unwrap(e)));
        } catch (RuntimeException e) {
            return error(index, e);
        }
    }

    /** Records one valid request in its own transaction; every failure becomes its problem. */
    private BatchResult.Item recordRequest(int index, NewCompletion request, Actor actor, ItemScope scope) {
        try {
            // The employee may have moved since scopeOf looked: record checks the unit again under the employee's lock.
            return success(index, completions.record(request, actor, scope.coveredUnits()));
        } catch (RuntimeException e) {
            return error(index, e);
        }
    }

    private static BatchResult.Item success(int index, Upserted<CompletionSnapshot> result) {
        return new BatchResult.Item(index, result.created() ? Status.CREATED : Status.EXISTING, result.body(), null);
    }

    private static BatchResult.Item error(int index, RuntimeException e) {
        return new BatchResult.Item(index, Status.ERROR, null, Problems.from(e));
    }

    private static String nipOf(JsonNode item) {
        return item.path("nip").asText("");
    }

    private static Throwable unwrap(Exception e) {
        return e instanceof IllegalArgumentException && e.getCause() instanceof JsonProcessingException json ? json : e;
    }

    private static int count(List<BatchResult.Item> results, Status outcome) {
        return (int) results.stream().filter(r -> r.status() == outcome).count();
    }
}
