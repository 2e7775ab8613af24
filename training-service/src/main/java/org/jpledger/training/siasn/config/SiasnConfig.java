package org.jpledger.training.siasn.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of reconciliations with SIASN. */
@ConfigMapping(prefix = "jpledger.siasn")
public interface SiasnConfig {

    /** The most data rows one SIASN file of a reconciliation may hold; a file with more is refused (413), none kept. */
    @WithDefault("200000")
    int reconciliationMaxRows();

    /** The largest SIASN file a reconciliation reads; a larger one is refused (413), nothing kept. */
    @WithDefault("128M")
    MemorySize reconciliationMaxBody();

    /**
     * The most active completions the ledger may hold for the reconciled subtree (all are compared in memory); a larger
     * subtree is refused (400): reconcile its units one by one.
     */
    @WithDefault("500000")
    int reconciliationMaxLedgerCompletions();

    /** How alike (0-1, see TitleSimilarity) titles must be for a match by NIP, kind and dates. */
    @WithDefault("0.6")
    double titleSimilarity();

    /** The most employees a reconciliation's answer summarises; the file and the items hold every finding. */
    @WithDefault("1000")
    int summaryMaxEmployees();
}
