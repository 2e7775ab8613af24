package org.jpledger.training.duplicates.service;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.DuplicateRule;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.siasn.service.TitleSimilarity;

/**
 * Which {@link DuplicateRule}s two completions of one employee match: pure logic over their content, with the
 * thresholds of {@link org.jpledger.training.duplicates.config.DuplicatesConfig}.
 *
 * @param titleSimilarity  least Dice similarity of the normalised titles
 * @param fillerWords      words left out of titles, as {@link TitleSimilarity#normalise} writes them
 * @param ignoreYears      whether four-digit years are left out of titles
 * @param fullTimeJpPerDay least JP per day of span of a full-time klasikal training
 */
public record DuplicateMatcher(double titleSimilarity, Set<String> fillerWords, boolean ignoreYears,
        BigDecimal fullTimeJpPerDay) {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
    // Separators a certificate number is typed with in one source and not another.
    private static final Pattern CERTIFICATE_NOISE = Pattern.compile("[\\s\\-./_\\\\]+");

    /** A matcher whose filler words are given in any case and with accents. */
    public static DuplicateMatcher of(double titleSimilarity, List<String> fillerWords, boolean ignoreYears,
            BigDecimal fullTimeJpPerDay) {
        return new DuplicateMatcher(titleSimilarity,
                fillerWords.stream().map(TitleSimilarity::normalise).filter(w -> !w.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()),
                ignoreYears, fullTimeJpPerDay);
    }

    /** The rules {@code a} and {@code b} match, in DuplicateRule order; empty when they look like two trainings. */
    public List<DuplicateRule> rules(Completion a, Completion b) {
        List<DuplicateRule> matched = new ArrayList<>();
        String certificate = certificateKey(a.certificateNumber);
        if (!certificate.isEmpty() && certificate.equals(certificateKey(b.certificateNumber))) {
            matched.add(DuplicateRule.SAME_CERTIFICATE);
        }
        boolean overlap = overlap(a, b);
        if (overlap && a.kindId == b.kindId
                && TitleSimilarity.of(comparedTitle(a.title), comparedTitle(b.title)) >= titleSimilarity) {
            matched.add(DuplicateRule.SIMILAR_TITLE_OVERLAPPING_DATES);
        }
        if (overlap && fullTimeKlasikal(a) && fullTimeKlasikal(b)) {
            matched.add(DuplicateRule.OVERLAPPING_FULL_TIME_KLASIKAL);
        }
        return matched;
    }

    /** Whether the dates of {@code a} and {@code b} share a day. */
    public static boolean overlap(Completion a, Completion b) {
        return !a.startDate.isAfter(b.endDate) && !b.startDate.isAfter(a.endDate);
    }

    /**
     * A certificate number as compared: upper case, without spaces and the separators {@code - . / _ \}; empty for
     * none or a blank one, which never matches.
     */
    public static String certificateKey(String certificateNumber) {
        if (certificateNumber == null) {
            return "";
        }
        return CERTIFICATE_NOISE.matcher(certificateNumber.toUpperCase(Locale.ROOT)).replaceAll("");
    }

    /** A title as compared: normalised as SIASN titles are, without filler words (and years); whole if that is all. */
    public String comparedTitle(String title) {
        String normalised = TitleSimilarity.normalise(title);
        String kept = Arrays.stream(normalised.split(" "))
                .filter(word -> !fillerWords.contains(word) && !(ignoreYears && YEAR.matcher(word).matches()))
                .collect(Collectors.joining(" "));
        return kept.isBlank() ? normalised : kept;
    }

    /**
     * Whether {@code c} is a full-time classroom training: klasikal, delivered luring, with at least
     * {@link #fullTimeJpPerDay} JP (claimed, else recognised) per day of its span.
     */
    boolean fullTimeKlasikal(Completion c) {
        if (c.method != TrainingMethod.KLASIKAL || c.deliveryMode != DeliveryMode.LURING) {
            return false;
        }
        BigDecimal jp = c.jp != null ? c.jp : c.recognizedJp;
        long span = ChronoUnit.DAYS.between(c.startDate, c.endDate) + 1;
        return jp != null && span > 0 && jp.compareTo(fullTimeJpPerDay.multiply(BigDecimal.valueOf(span))) >= 0;
    }
}
