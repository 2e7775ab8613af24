package org.jpledger.reporting.projection;

import java.time.LocalDate;

/**
 * The contract year a PPPK's JP cap is judged on in a calendar year (PP 49/2018 Pasal 39: at most 24 JP per year of the
 * work contract). Contract years run from the employee's {@code employedFrom} (TMT) to the day before each anniversary;
 * a calendar year judges the contract year that ends within it, counting every completion that ends within that
 * contract year (so one in December of the year before counts too). A calendar year in which no contract year ends
 * (the first, partial year of an employee who joined after 1 January) judges none.
 *
 * @param from  first day of the contract year
 * @param until last day, within the calendar year
 */
public record ContractYear(LocalDate from, LocalDate until) {

    /** The contract year ending in {@code year} for an employee in service from {@code employedFrom}; null when none. */
    public static ContractYear endingIn(LocalDate employedFrom, int year) {
        int k = year - employedFrom.getYear();
        // The k-th anniversary ends contract year k the day before: within the year unless the anniversary is 1 January.
        if (!employedFrom.plusYears(k).isAfter(LocalDate.of(year, 1, 1))) {
            k++;
        }
        if (k < 1) {
            return null;
        }
        return new ContractYear(employedFrom.plusYears(k - 1L), employedFrom.plusYears(k).minusDays(1));
    }
}
