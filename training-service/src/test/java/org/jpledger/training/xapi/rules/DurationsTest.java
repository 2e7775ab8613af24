package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations: reading ISO 8601 durations (PnYnMnWnDTnHnMnS), their length in minutes and whole-day durations. */
class DurationsTest {

    private static Durations.Parsed parsed(String text) {
        return Durations.parse(text).orElseThrow(() -> new AssertionError(text + " did not parse"));
    }

    private static BigDecimal minutes(String text) {
        return parsed(text).totalMinutes().orElseThrow(() -> new AssertionError(text + " has no exact length"));
    }

    @Test
    void readsEachPartOfAFullDuration() {
        Durations.Parsed d = parsed("P1Y2M3DT4H5M6S");
        assertThat(d.years()).isEqualByComparingTo("1");
        assertThat(d.months()).isEqualByComparingTo("2");
        assertThat(d.days()).isEqualByComparingTo("3");
        assertThat(d.hours()).isEqualByComparingTo("4");
        assertThat(d.minutes()).isEqualByComparingTo("5");
        assertThat(d.seconds()).isEqualByComparingTo("6");
    }

    @Test
    void hoursAndMinutesGiveTheirLengthInMinutes() {
        assertThat(minutes("PT1H30M")).isEqualByComparingTo("90");
        assertThat(minutes("PT50M")).isEqualByComparingTo("50");
        assertThat(minutes("PT36H")).isEqualByComparingTo("2160");
    }

    @Test
    void weeksCountAsSevenDays() {
        assertThat(parsed("P2W").days()).isEqualByComparingTo("14");
        assertThat(minutes("P1W")).isEqualByComparingTo(BigDecimal.valueOf(7 * 24 * 60));
    }

    @Test
    void monthInTheDatePartIsAMonthAndInTheTimePartAMinute() {
        assertThat(parsed("P1M").months()).isEqualByComparingTo("1");
        assertThat(parsed("P1M").minutes()).isZero();
        assertThat(minutes("PT1M")).isEqualByComparingTo("1");
    }

    @Test
    void fractionsWithPointOrCommaAreRead() {
        assertThat(minutes("PT1.5H")).isEqualByComparingTo("90");
        assertThat(minutes("PT0,5H")).isEqualByComparingTo("30");
        assertThat(minutes("PT90S")).isEqualByComparingTo("1.5");
        assertThat(minutes("PT0.25S")).isEqualByComparingTo("0.004167");
    }

    @Test
    void yearsAndMonthsHaveNoExactLength() {
        assertThat(parsed("P1Y").totalMinutes()).isEmpty();
        assertThat(parsed("P1M").totalMinutes()).isEmpty();
        assertThat(parsed("P1MT1H").totalMinutes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "P1DT", "1H", "T1H", "PT1H30", "-PT1H", "P1H", "PT1D", "pt1h", "PT1M1H",
            "P1D2Y", "PT.5H", "PT1.H", " PT1H", "PT1H ", "P1Y2M3W4DT5H6M7S8", "P4W1D", "P1Y3W", "P1WT2H"})
    void refusesWhatIsNotAnIsoDuration(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "P0D", "P4W", "P1.5W", "P1Y2M4DT5H6M7S", "PT1H", "P2D", "P1DT12H", "PT0.5S"})
    void acceptsIsoDurations(String text) {
        assertThat(Durations.parse(text)).isPresent();
    }

    @Test
    void wholeNumberOfDaysWithoutTimeIsWholeDays() {
        assertThat(parsed("P2D").isWholeDays()).isTrue();
        assertThat(parsed("P1W").isWholeDays()).isTrue();
        assertThat(parsed("P1.0D").isWholeDays()).isTrue();
    }

    @Test
    void durationWithATimePartOrAFractionOfADayIsNotWholeDays() {
        assertThat(parsed("P1DT1H").isWholeDays()).isFalse();
        assertThat(parsed("P1.5D").isWholeDays()).isFalse();
        assertThat(parsed("P0.5W").isWholeDays()).isFalse();
        assertThat(parsed("PT24H").isWholeDays()).isFalse();
        assertThat(parsed("P0D").isWholeDays()).isFalse();
        assertThat(parsed("P1M").isWholeDays()).isFalse();
        assertThat(parsed("P1YT0H").isWholeDays()).isFalse();
    }

    @Test
    void secondsAreCutToHundredthsForComparison() {
        assertThat(Durations.toHundredths("P1DT12H36M0.1237S")).isEqualTo("P1DT12H36M0.12S");
        assertThat(Durations.toHundredths("PT0.129S")).isEqualTo("PT0.12S");
        assertThat(Durations.toHundredths("PT1.5S")).isEqualTo("PT1.5S");
        assertThat(Durations.toHundredths("PT90M")).isEqualTo("PT90M");
    }
}
