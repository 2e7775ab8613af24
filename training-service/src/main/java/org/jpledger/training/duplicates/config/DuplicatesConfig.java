package org.jpledger.training.duplicates.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;

/**
 * How alike two completions of one employee must be to be flagged as possible duplicates (see DuplicateRule). The
 * defaults are judgement, not regulation: a guess for a verifier, never a refusal.
 */
@ConfigMapping(prefix = "jpledger.duplicates")
public interface DuplicatesConfig {

    /**
     * Least similarity (Sørensen–Dice of character bigrams, 0 to 1, as the SIASN reconciliation measures titles) of two
     * normalised titles for SIMILAR_TITLE_OVERLAPPING_DATES.
     */
    @WithDefault("0.6")
    double titleSimilarity();

    /**
     * Words left out of a title before comparing (any case, accents ignored): the names of the kind of training that
     * every title repeats. A title of nothing else is compared whole.
     */
    @WithDefault("pelatihan,diklat,bimtek,bimbingan,teknis,workshop,lokakarya,kursus,tahun,angkatan,kegiatan,dan,di,"
            + "bagi,untuk")
    List<String> fillerWords();

    /** Whether years (four digits, 1900 to 2099) are left out of titles too: the same Bimtek is "2026" in one source. */
    @WithDefault("true")
    boolean ignoreYears();

    /**
     * Least JP per day of its span (startDate to endDate inclusive) of a klasikal luring training that fills its days
     * (OVERLAPPING_FULL_TIME_KLASIKAL): the claimed JP, or the recognised JP of one rated by days. 8 lessons of 45
     * minutes are a full classroom day; the plausibility ceiling (10) is the most a day may claim.
     */
    @WithDefault("8")
    BigDecimal fullTimeJpPerDay();

    /**
     * The most of an employee's other active completions (sharing a day, or with a certificate number) a version is
     * compared with: the latest recorded. Bounds the work of a version for an employee with very many.
     */
    @WithDefault("100")
    int maxCandidates();

    /**
     * The most new pairs one version opens: the same training reported a thousand times flags each report with a few
     * of the others, not a thousand.
     */
    @WithDefault("5")
    int maxNewPairs();
}
