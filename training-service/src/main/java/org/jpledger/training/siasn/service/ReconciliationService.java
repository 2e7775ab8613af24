package org.jpledger.training.siasn.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.support.limits.CappedInputStream;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.config.IngestConfig;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.RecognitionRuleBook;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.service.CompletionService;
import org.jpledger.training.siasn.config.SiasnConfig;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.domain.SiasnReconciliation;
import org.jpledger.training.siasn.domain.SiasnReconciliationItem;
import org.jpledger.training.siasn.domain.SiasnReconciliationItemRepository;
import org.jpledger.training.siasn.domain.SiasnReconciliationRepository;
import org.jpledger.training.siasn.domain.SubtreeLedger;
import org.jpledger.training.siasn.domain.SubtreeLedger.Entry;

/**
 * Reconciles what SIASN holds for a unit subtree with the ledger's active completions of the employees in it, and keeps
 * the result: each SIASN record is matched with a completion (see {@link LedgerIndex}) with the fields that differ, or
 * found SIASN-only, or of an NIP unknown to the caller or outside the subtree; each completion no record matched is
 * ledger-only. The file is read as it streams; the whole reconciliation is kept in one transaction, so a file refused
 * part-way (too many rows, too large, unreadable) keeps nothing. A caller sees only reconciliations of units its token
 * names.
 */
@ApplicationScoped
public class ReconciliationService {

    static final String NOT_FOUND = "No reconciliation with this id in the units your token names.";

    /** Items written before the session is flushed and cleared, so that memory stays flat however many rows. */
    private static final int FLUSH_EVERY = 500;
    /** NIPs outside the subtree remembered, so that a repeated one is looked up once. */
    private static final int OUTSIDE_CACHE = 10_000;

    private final SiasnReconciliationRepository reconciliations;
    private final SiasnReconciliationItemRepository items;
    private final SubtreeLedger ledger;
    private final UnitRepository units;
    private final EmployeeRepository employees;
    private final CompletionService completions;
    private final UnitAccess access;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final IngestConfig ingest;
    private final SiasnConfig config;
    private final Clock clock;

    public ReconciliationService(SiasnReconciliationRepository reconciliations, SiasnReconciliationItemRepository items,
            SubtreeLedger ledger, UnitRepository units, EmployeeRepository employees, CompletionService completions,
            UnitAccess access, Caller caller, ObjectMapper mapper, IngestConfig ingest, SiasnConfig config,
            Clock clock) {
        this.reconciliations = reconciliations;
        this.items = items;
        this.ledger = ledger;
        this.units = units;
        this.employees = employees;
        this.completions = completions;
        this.access = access;
        this.caller = caller;
        this.mapper = mapper;
        this.ingest = ingest;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public ReconciliationView reconcile(NewReconciliation command) {
        UnitScope scope = access.scope();
        String unitCode = command.unitCode();
        if (unitCode == null || unitCode.isBlank()) {
            throw InvalidRequestException.of("unitCode", "must name the unit whose subtree SIASN's records are of");
        }
        if (!access.covers(scope, unitCode)) {
            throw new OutOfScopeException("unitCode names a unit outside the units your token names.");
        }
        if (units.findByIdOptional(unitCode).isEmpty()) {
            throw InvalidRequestException.of("unitCode", "no unit with code " + unitCode);
        }
        SiasnShape named = SiasnFile.shapeNamed(command.shape());
        long held = ledger.countActive(unitCode);
        if (held > config.reconciliationMaxLedgerCompletions()) {
            throw InvalidRequestException.of("unitCode", "the ledger holds " + held + " active completions under "
                    + unitCode + ", more than " + config.reconciliationMaxLedgerCompletions() + " reconciled at once; "
                    + "reconcile its units one by one");
        }
        SiasnFile file = SiasnFile.open(capped(command.body()), command.format(), named, mapper,
                ingest.csvMaxLineChars(), ingest.csvMaxFieldChars());
        Map<String, String> inSubtree = ledger.employees(unitCode);
        LedgerIndex index = new LedgerIndex(candidates(ledger.activeCompletions(unitCode)), config.titleSimilarity());

        SiasnReconciliation rec = new SiasnReconciliation();
        rec.id = UUID.randomUUID();
        rec.unitCode = unitCode;
        rec.shape = file.shape().slug();
        rec.createdAt = clock.instant();
        rec.createdBy = caller.subject();
        reconciliations.persist(rec);
        reconciliations.flush();

        Writer writer = new Writer(rec);
        Map<String, Optional<String>> outside = new HashMap<>();
        while (file.hasNext()) {
            SiasnFile.Row row = file.next();
            if (row.number() > config.reconciliationMaxRows()) {
                throw new PayloadTooLargeException("The file holds more than " + config.reconciliationMaxRows()
                        + " rows; nothing was kept. Split it by unit.", List.of(new FieldError("body", "holds more "
                                + "than " + config.reconciliationMaxRows() + " rows")));
            }
            rec.rowsRead++;
            writer.add(place(row, inSubtree, index, outside, scope));
        }
        for (LedgerIndex.Candidate c : index.unmatched(file.shape())) {
            SiasnReconciliationItem item = ledgerSide(new SiasnReconciliationItem(), c);
            item.finding = Finding.LEDGER_ONLY;
            item.unitCode = inSubtree.get(c.entry().nip());
            writer.add(item);
        }
        SiasnReconciliation kept = writer.finish();
        return view(kept, List.of(), null);
    }

    /** The reconciliation with a page of its items after item {@code after}, of one finding when it is not null. */
    @Transactional
    public ReconciliationView get(UUID id, int after, Finding finding, int limit) {
        SiasnReconciliation rec = find(id);
        List<SiasnReconciliationItem> page = items.page(id, after, finding, limit + 1);
        boolean more = page.size() > limit;
        List<ItemView> shown = page.stream().limit(limit).map(ItemView::of).toList();
        return view(rec, shown, more ? shown.get(shown.size() - 1).id() : null);
    }

    /** Up to {@code limit} items after item {@code after}, for the file; the reconciliation must be the caller's. */
    @Transactional
    public List<ItemView> items(UUID id, int after, int limit) {
        find(id);
        return items.page(id, after, null, limit).stream().map(ItemView::of).toList();
    }

    /** The reconciliation if it is of a unit the caller's token names; 404 otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    SiasnReconciliation find(UUID id) {
        UnitScope scope = access.scope();
        return reconciliations.findByIdOptional(id).filter(r -> access.covers(scope, r.unitCode))
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
    }

    /** Up to {@code limit} SIASN-only items after item {@code after}, for their adoption. */
    @Transactional
    public List<SiasnReconciliationItem> adoptable(UUID id, int after, int limit) {
        find(id);
        return items.page(id, after, Finding.SIASN_ONLY, limit);
    }

    /** The items of these numbers that exist, for their adoption. */
    @Transactional
    public List<SiasnReconciliationItem> numbered(UUID id, List<Integer> numbers) {
        find(id);
        return items.byNumbers(id, numbers);
    }

    /** Records on the items (by number) the completions they were taken in as. */
    @Transactional
    public void markAdopted(UUID id, Map<Integer, UUID> completionByItem) {
        completionByItem.forEach((number, completion) -> items.update("adoptedCompletionId = ?1 where "
                + "reconciliationId = ?2 and itemNo = ?3", completion, id, number));
    }

    /** Whether the caller may see the reconciliation: it exists and is of a unit the token names. */
    @Transactional
    public void requireVisible(UUID id) {
        find(id);
    }

    private ReconciliationView view(SiasnReconciliation rec, List<ItemView> page, Integer nextAfter) {
        List<ReconciliationView.Summary> byUnit = items.countsByUnit(rec.id).stream()
                .map(row -> summary((String) row[0], null, row, 1)).toList();
        int max = config.summaryMaxEmployees();
        List<Object[]> employeeRows = items.countsByEmployee(rec.id, max + 1);
        List<ReconciliationView.Summary> byEmployee = employeeRows.stream().limit(max)
                .map(row -> summary((String) row[1], (String) row[0], row, 2)).toList();
        return new ReconciliationView(rec.id, rec.unitCode, rec.shape, rec.createdAt, rec.createdBy,
                ReconciliationView.Counts.of(rec), byUnit, byEmployee, employeeRows.size() > max, page, nextAfter);
    }

    private static ReconciliationView.Summary summary(String unit, String nip, Object[] row, int from) {
        int[] n = new int[7];
        for (int i = 0; i < 7; i++) {
            n[i] = ((Number) row[from + i]).intValue();
        }
        return new ReconciliationView.Summary(unit, nip, n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
    }

    /** The item a SIASN row comes to. */
    private SiasnReconciliationItem place(SiasnFile.Row row, Map<String, String> inSubtree, LedgerIndex index,
            Map<String, Optional<String>> outside, UnitScope scope) {
        SiasnReconciliationItem item = new SiasnReconciliationItem();
        item.rowNumber = row.number();
        if (row.record() == null) {
            item.finding = Finding.INVALID_ROW;
            item.problem = describe(row.problem());
            return item;
        }
        SiasnRecord r = row.record();
        siasnSide(item, r);
        String unit = inSubtree.get(r.nip());
        if (unit == null) {
            Optional<String> elsewhere = outside.computeIfAbsent(r.nip(), nip -> unitOf(nip, scope));
            if (outside.size() > OUTSIDE_CACHE) {
                outside.clear();
            }
            // A NIP outside the caller's units is answered like an unknown one: neither may reveal that it exists.
            item.finding = elsewhere.isPresent() ? Finding.OUTSIDE_UNIT : Finding.UNKNOWN_NIP;
            item.unitCode = elsewhere.orElse(null);
            return item;
        }
        item.unitCode = unit;
        Optional<LedgerIndex.Match> match = index.match(r);
        if (match.isEmpty()) {
            item.finding = Finding.SIASN_ONLY;
            try {
                item.command = mapper.writeValueAsString(SiasnCompletions.toNewCompletion(r));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a completion command could not be written", e);
            }
            return item;
        }
        item.finding = Finding.MATCHED;
        item.matchRule = match.get().rule();
        ledgerSide(item, match.get().candidate());
        List<String> differences = new ArrayList<>(4);
        if (item.ledgerJp == null || item.ledgerJp.intValue() != r.jumlahJam()) {
            differences.add("jp");
        }
        if (!item.ledgerStartDate.equals(r.startDate())) {
            differences.add("startDate");
        }
        if (!item.ledgerEndDate.equals(r.endDate())) {
            differences.add("endDate");
        }
        if (item.ledgerKindId != r.kindId()) {
            differences.add("kindId");
        }
        item.differences = differences.toArray(String[]::new);
        return item;
    }

    /** The current unit of an employee the caller's scope covers; empty for an unknown NIP or one outside it. */
    private Optional<String> unitOf(String nip, UnitScope scope) {
        String unit = employees.unitsOf(List.of(nip)).get(nip);
        return unit != null && access.covers(scope, unit) ? Optional.of(unit) : Optional.empty();
    }

    private static void siasnSide(SiasnReconciliationItem item, SiasnRecord r) {
        item.nip = r.nip().length() > 64 ? r.nip().substring(0, 64) : r.nip();
        item.siasnId = r.id();
        item.title = r.title().length() > 300 ? r.title().substring(0, 300) : r.title();
        item.siasnKindId = r.kindId();
        item.siasnStartDate = r.startDate();
        item.siasnEndDate = r.endDate();
        item.siasnJp = r.jumlahJam();
    }

    private static SiasnReconciliationItem ledgerSide(SiasnReconciliationItem item, LedgerIndex.Candidate c) {
        Entry e = c.entry();
        item.nip = e.nip();
        item.completionId = e.id();
        if (item.title == null) {
            item.title = e.title();
        }
        item.ledgerKindId = e.kindId();
        item.ledgerStartDate = e.startDate();
        item.ledgerEndDate = e.endDate();
        item.ledgerJp = c.jumlahJam();
        return item;
    }

    /**
     * The completions with the JP on their certificates as SIASN holds it: the JP stated, else the day-rated JP by the
     * rules in force on the end date (not international: the certificate states the days, not the factor).
     */
    private List<LedgerIndex.Candidate> candidates(List<Entry> entries) {
        RecognitionRuleBook book = completions.ruleBook();
        List<LedgerIndex.Candidate> candidates = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            BigDecimal jp = e.jp() != null ? e.jp() : e.days() == null ? null : book.inForceOn(e.endDate())
                    .flatMap(rules -> rules.recognize(e.kindId(), null, e.days(), false)).orElse(null);
            candidates.add(new LedgerIndex.Candidate(e, jp == null ? null : SiasnReference.jumlahJam(jp)));
        }
        return candidates;
    }

    private static String describe(Problem problem) {
        if (problem.errors() == null || problem.errors().isEmpty()) {
            return problem.detail();
        }
        return String.join("; ", problem.errors().stream().map(e -> e.field() + ": " + e.reason()).toList());
    }

    /** The body, refused (413) once it passes the configured size. */
    private InputStream capped(InputStream body) {
        long cap = config.reconciliationMaxBody().asLongValue();
        return new CappedInputStream(body, cap, () -> new PayloadTooLargeException("The file is larger than the "
                + "reconciliation limit of " + cap + " bytes; nothing was kept. Split it by unit.",
                List.of(new FieldError("body", "is larger than " + cap + " bytes"))));
    }

    /** Numbers and writes the items, counting them, flushing and clearing the session every so often. */
    private final class Writer {
        private final SiasnReconciliation rec;
        private int next;

        Writer(SiasnReconciliation rec) {
            this.rec = rec;
        }

        void add(SiasnReconciliationItem item) {
            item.reconciliationId = rec.id;
            item.itemNo = ++next;
            switch (item.finding) {
                case MATCHED -> {
                    rec.matched++;
                    if (item.differences.length > 0) {
                        rec.matchedDiffering++;
                    }
                }
                case LEDGER_ONLY -> rec.ledgerOnly++;
                case SIASN_ONLY -> rec.siasnOnly++;
                case UNKNOWN_NIP -> rec.unknownNip++;
                case OUTSIDE_UNIT -> rec.outsideUnit++;
                case INVALID_ROW -> rec.invalidRows++;
            }
            items.persist(item);
            if (next % FLUSH_EVERY == 0) {
                items.flush();
                items.getEntityManager().clear();
            }
        }

        /** The reconciliation with its counts, stored. */
        SiasnReconciliation finish() {
            SiasnReconciliation kept = items.getEntityManager().merge(rec);
            items.flush();
            return kept;
        }
    }
}
