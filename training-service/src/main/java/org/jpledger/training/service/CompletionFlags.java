package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.config.PlausibilityConfig;

/**
 * The flags a version is stored with (it still counts): what is implausible about its content, and whether it is a
 * possible duplicate of another. The one place that writes a flag set.
 */
public final class CompletionFlags {

    private CompletionFlags() {
    }

    /** Days from {@code start} to {@code end}, both included. */
    static long span(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The most JP per day a training of {@code method} may claim before it is flagged. */
    static BigDecimal maxJpPerDay(TrainingMethod method, PlausibilityConfig bounds) {
        return method == TrainingMethod.NONKLASIKAL ? bounds.maxJpPerDayNonklasikal() : bounds.maxJpPerDayKlasikal();
    }

    /**
     * The flags of a completion claiming {@code jp} (null when it gave days instead: the rule table rates those) over
     * {@code start} to {@code end}: IMPLAUSIBLE_JP_PER_DAY when the JP per day of the span exceed {@code maxJpPerDay}.
     */
    static List<CompletionFlag> of(BigDecimal jp, LocalDate start, LocalDate end, BigDecimal maxJpPerDay) {
        if (jp == null || end.isBefore(start)) {
            return List.of();
        }
        // Compared as jp > ceiling × days, exactly, rather than through a rounded quotient.
        boolean implausible = jp.compareTo(maxJpPerDay.multiply(BigDecimal.valueOf(span(start, end)))) > 0;
        return implausible ? List.of(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY) : List.of();
    }

    /** The stored flag set: the content's {@code flags}, and POSSIBLE_DUPLICATE when asked, in CompletionFlag order. */
    static String[] names(List<CompletionFlag> flags, boolean possibleDuplicate) {
        Set<CompletionFlag> all = EnumSet.noneOf(CompletionFlag.class);
        all.addAll(flags);
        if (possibleDuplicate) {
            all.add(CompletionFlag.POSSIBLE_DUPLICATE);
        } else {
            all.remove(CompletionFlag.POSSIBLE_DUPLICATE);
        }
        return all.stream().map(Enum::name).toArray(String[]::new);
    }

    /** Whether the stored {@code flags} hold {@code flag}. */
    public static boolean has(String[] flags, CompletionFlag flag) {
        return Arrays.asList(flags).contains(flag.name());
    }

    /** {@code flags} with POSSIBLE_DUPLICATE set or cleared, the others kept. */
    public static String[] withPossibleDuplicate(String[] flags, boolean possibleDuplicate) {
        return names(Arrays.stream(flags).map(CompletionFlag::valueOf)
                .filter(f -> f != CompletionFlag.POSSIBLE_DUPLICATE).toList(), possibleDuplicate);
    }
}
