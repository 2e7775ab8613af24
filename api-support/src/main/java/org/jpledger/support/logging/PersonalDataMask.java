package org.jpledger.support.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Keeps personal data and credentials out of the logs (UU 27/2022): an 18-digit NIP keeps only its last four digits,
 * a bearer token or JWT is replaced whole, and names are dropped where they appear in a known shape (a JSON
 * {@code "name"} field, PostgreSQL's "Failing row contains (…)" and "Key (…)=(…)" details). The exception of a log
 * line is masked too, message by message down its causes, keeping its class and stack trace. Applied to every log line
 * by {@code quarkus.log.*.filter}.
 */
@LoggingFilter(name = "personal-data-mask")
public final class PersonalDataMask implements Filter {

    private static final Pattern NIP = Pattern.compile("(?<![0-9])[0-9]{14}([0-9]{4})(?![0-9])");
    private static final Pattern JSON_NAME =
            Pattern.compile("(\"(?:name|employeeName)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern FAILING_ROW = Pattern.compile("(Failing row contains )\\(.*\\)");
    private static final Pattern KEY_VALUES = Pattern.compile("(Key \\([^)]*\\)=)\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern TOKEN = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+"
            + "|eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String masked = mask(message);
        if (masked != null && !masked.equals(message)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(masked, ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(masked);
            }
            record.setParameters(null);
        }
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            Throwable maskedThrown = MaskedThrowable.of(thrown);
            if (maskedThrown != thrown) {
                record.setThrown(maskedThrown);
            }
        }
        return true;
    }

    /** The text with every NIP and token masked. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String noNips = NIP.matcher(text).replaceAll("**************$1");
        noNips = JSON_NAME.matcher(noNips).replaceAll("$1\"[name]\"");
        noNips = FAILING_ROW.matcher(noNips).replaceAll("$1([row])");
        noNips = KEY_VALUES.matcher(noNips).replaceAll("$1([value])");
        Matcher token = TOKEN.matcher(noNips);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            token.appendReplacement(out, Matcher.quoteReplacement(
                    (token.group(1) != null ? token.group(1) : "") + "[token]"));
        }
        token.appendTail(out);
        return out.toString();
    }
}
