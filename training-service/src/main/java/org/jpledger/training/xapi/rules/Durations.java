package org.jpledger.training.xapi.rules;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 durations as xAPI results carry them (PnYnMnDTnHnMnS, or PnW alone: ISO 8601:2004 4.4.3.2 has weeks as a
 * format of their own, not mixed with other units), a fraction allowed in any part.
 */
public final class Durations {

    private static final String PART = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern DURATION = Pattern.compile("P(?!$)(?:" + PART + "W|(?:" + PART + "Y)?(?:" + PART
            + "M)?(?:" + PART + "D)?(?:T(?=\\d)(?:" + PART + "H)?(?:" + PART + "M)?(?:" + PART + "S)?)?)");
    /** The seconds' digits past the hundredths, which comparisons leave out (xAPI Data 4.6). */
    private static final Pattern PAST_HUNDREDTHS = Pattern.compile("([.,]\\d{2})\\d+S$");
    private static final BigDecimal MINUTES_PER_DAY = BigDecimal.valueOf(24 * 60);

    private Durations() {
    }

    /**
     * A parsed duration. Years and months have no fixed length, so a duration with them has no exact minutes.
     *
     * @param days weeks and days together, in days
     */
    public record Parsed(BigDecimal years, BigDecimal months, BigDecimal days, BigDecimal hours, BigDecimal minutes,
            BigDecimal seconds) {

        /** Whether the duration is a whole number of days with no time part, e.g. P2D. */
        public boolean isWholeDays() {
            return years.signum() == 0 && months.signum() == 0 && hours.signum() == 0 && minutes.signum() == 0
                    && seconds.signum() == 0 && days.signum() > 0 && days.stripTrailingZeros().scale() <= 0;
        }

        /** The length in minutes, unless it has years or months. */
        public Optional<BigDecimal> totalMinutes() {
            if (years.signum() != 0 || months.signum() != 0) {
                return Optional.empty();
            }
            return Optional.of(days.multiply(MINUTES_PER_DAY).add(hours.multiply(BigDecimal.valueOf(60)))
                    .add(minutes).add(seconds.divide(BigDecimal.valueOf(60), 6, java.math.RoundingMode.HALF_UP)));
        }
    }

    public static Optional<Parsed> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal weeks = part(m.group(1));
        return Optional.of(new Parsed(part(m.group(2)), part(m.group(3)),
                weeks.multiply(BigDecimal.valueOf(7)).add(part(m.group(4))), part(m.group(5)), part(m.group(6)),
                part(m.group(7))));
    }

    /**
     * {@code text} with its seconds cut to hundredths, as durations are compared ("any precision beyond 0.01 second
     * precision shall not be included in the comparison"); cut, not rounded, as the LRS may store it.
     */
    public static String toHundredths(String text) {
        return PAST_HUNDREDTHS.matcher(text).replaceFirst("$1S");
    }

    private static BigDecimal part(String group) {
        return group == null ? BigDecimal.ZERO : new BigDecimal(group.replace(',', '.'));
    }
}
