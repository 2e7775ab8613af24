package org.jpledger.training.siasn.rest;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import jakarta.ws.rs.core.StreamingOutput;
import org.jpledger.training.siasn.service.ItemView;
import org.jpledger.training.siasn.service.ReconciliationService;

/**
 * The CSV file of a reconciliation: every item, a page at a time, each page read in a transaction of its own. Text a
 * spreadsheet could take for a formula goes out behind a single quote (as the exports do, OWASP CSV injection).
 */
final class ReconciliationFile implements StreamingOutput {

    static final List<String> COLUMNS = List.of("item", "finding", "matchRule", "nip", "unitCode", "rowNumber",
            "completionId", "siasnId", "title", "differences", "ledgerKindId", "siasnKindId", "ledgerStartDate",
            "siasnStartDate", "ledgerEndDate", "siasnEndDate", "ledgerJp", "siasnJp", "problem", "adoptedCompletionId");

    private static final int PAGE = 1000;

    private final ReconciliationService reconciliations;
    private final UUID id;

    ReconciliationFile(ReconciliationService reconciliations, UUID id) {
        this.reconciliations = reconciliations;
        this.id = id;
    }

    @Override
    public void write(java.io.OutputStream output) throws IOException {
        Writer out = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        int after = 0;
        while (true) {
            List<ItemView> page = reconciliations.items(id, after, PAGE);
            for (ItemView i : page) {
                line(out, i.id(), i.finding(), i.matchRule(), i.nip(), i.unitCode(), i.rowNumber(), i.completionId(),
                        i.siasnId(), i.title(), String.join(" ", i.differences()), i.ledgerKindId(), i.siasnKindId(),
                        i.ledgerStartDate(), i.siasnStartDate(), i.ledgerEndDate(), i.siasnEndDate(), i.ledgerJp(),
                        i.siasnJp(), i.problem(), i.adoptedCompletionId());
            }
            out.flush();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        out.flush();
    }

    private static void line(Writer out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells[i]));
        }
        out.write("\r\n");
    }

    /** A cell: empty for none, quoted when it holds a delimiter, quote or line break, neutralised when formula-like. */
    static String cell(Object value) {
        String text = Objects.toString(value, "");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
