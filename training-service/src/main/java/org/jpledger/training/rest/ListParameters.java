package org.jpledger.training.rest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.domain.CompletionQuery;
import org.jpledger.training.service.CompletionQueries;

/**
 * Turns listing query parameters into a query, answering a bad value as a field error; the framework would answer an
 * unconvertible query parameter with a bare 404.
 */
final class ListParameters {

    /** yyyy-MM-dd with exactly four digits of year: ISO's signed longer years lie beyond the database's calendar. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private ListParameters() {
    }

    static CompletionQuery completionQuery(String nip, String unitCode, String from, String to, String status,
            String flag, String verification, PageParameters page) {
        LocalDate fromDate = date("from", from);
        LocalDate toDate = date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw InvalidRequestException.of("to", "must not be before from");
        }
        return new CompletionQuery(blankToNull(nip), unitCode("unitCode", unitCode), fromDate, toDate, status(status),
                flag(flag), verification(verification), page.limit(PageSize.LISTING), page.position(CompletionQueries.CURSOR));
    }

    /** A yyyy-MM-dd query parameter, null when absent; anything else is refused naming {@code field}. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "must be a date like 2026-01-31");
        }
    }

    private static CompletionStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CompletionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("status", "must be ACTIVE or VOIDED");
        }
    }

    private static CompletionFlag flag(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CompletionFlag.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("flag", "must be one of " + Arrays.toString(CompletionFlag.values()));
        }
    }

    private static VerificationState verification(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return VerificationState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("verification", "must be one of "
                    + Arrays.toString(VerificationState.values()));
        }
    }

    /**
     * A unit code filter; absent when blank. A value that cannot be a unit code is a field error, as a NIP of the wrong
     * shape is, rather than a search the database would have to refuse (a NUL character) or could never match.
     */
    static String unitCode(String field, String value) {
        String code = blankToNull(value);
        if (code != null && !code.matches(UnitCodes.PATTERN)) {
            throw InvalidRequestException.of(field, UnitCodes.MESSAGE);
        }
        return code;
    }

    /** A true/false parameter; false when absent. */
    static boolean flag(String field, String value) {
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw InvalidRequestException.of(field, "must be true or false");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
