package org.jpledger.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.training.service.NewCompletion;

/**
 * Reads the completion a statement reports under the JP Ledger xAPI profile (README, "xAPI"): a completed or passed
 * verb, an actor account whose name is the employee's NIP, the JP in a result extension (or derived from the result's
 * duration), the kind and competency type in context extensions. A statement that does not say all of it is not a
 * completion, and the answer says why.
 *
 * @param nipHomePage  the account home page under which actor names are NIPs
 * @param minutesPerJp the length of a lesson hour, for JP derived from a duration
 * @param countsByDays whether a kind may give days instead of JP (a whole-day duration then counts as days)
 */
public record CompletionMapping(String nipHomePage, int minutesPerJp, IntPredicate countsByDays) {

    private static final BigDecimal MAX_DAYS = BigDecimal.valueOf(366);
    private static final List<String> TITLE_LANGUAGES = List.of("id-ID", "id", "en-US", "en", "en-GB");

    /** What a statement means for the completions. */
    public sealed interface Outcome {
    }

    /** The statement reports this completion. */
    public record Completion(NewCompletion request) implements Outcome {
    }

    /** A completion verb, but the statement cannot be read as a completion, for {@code reason}. */
    public record Unmapped(String reason) implements Outcome {
    }

    /** Another verb: the statement is kept, and is not about a completion. */
    public record NotCompletion() implements Outcome {
    }

    /**
     * The completion {@code statement} (as stored: id and timestamp set) reports for {@code system}, the integrating
     * system that sent it.
     */
    public Outcome map(JsonNode statement, String system) {
        String verb = statement.path("verb").path("id").asText();
        if (!XapiProfile.COMPLETION_VERBS.contains(verb)) {
            return new NotCompletion();
        }
        JsonNode actor = statement.path("actor");
        JsonNode account = actor.path("account");
        if (!"Agent".equals(actor.path("objectType").asText("Agent")) || !samePage(account.path("homePage").asText(null))
                || !account.path("name").asText("").matches("\\d{18}")) {
            return new Unmapped("actor must be an Agent with an account whose homePage is " + nipHomePage
                    + " and whose name is the employee's 18-digit NIP");
        }
        JsonNode object = statement.path("object");
        if (!"Activity".equals(object.path("objectType").asText("Activity"))) {
            return new Unmapped("object must be the Activity (the training) that was completed");
        }
        JsonNode result = statement.path("result");
        if (result.path("completion").isBoolean() && !result.path("completion").asBoolean()) {
            return new Unmapped("result.completion is false");
        }
        if (XapiProfile.PASSED.equals(verb) && result.path("success").isBoolean() && !result.path("success").asBoolean()) {
            return new Unmapped("verb passed with result.success false");
        }
        JsonNode context = statement.path("context").path("extensions");
        JsonNode kindNode = context.path(XapiProfile.KIND);
        if (!kindNode.canConvertToInt() || !kindNode.isIntegralNumber() || kindNode.asInt() < 1 || kindNode.asInt() > 25) {
            return new Unmapped("context extension " + XapiProfile.KIND + " must be the national training kind id (1-25)");
        }
        int kind = kindNode.asInt();
        Optional<CompetencyType> competency = constant(CompetencyType.class, context.path(XapiProfile.COMPETENCY_TYPE));
        if (competency.isEmpty()) {
            return new Unmapped("context extension " + XapiProfile.COMPETENCY_TYPE
                    + " must be TEKNIS, MANAJERIAL or SOSIAL_KULTURAL");
        }
        JsonNode modeNode = context.path(XapiProfile.DELIVERY_MODE);
        Optional<DeliveryMode> mode = modeNode.isMissingNode() ? Optional.of(DeliveryMode.DARING)
                : constant(DeliveryMode.class, modeNode);
        if (mode.isEmpty()) {
            return new Unmapped("context extension " + XapiProfile.DELIVERY_MODE + " must be LURING, DARING or BLENDED");
        }
        JsonNode providerNode = context.path(XapiProfile.PROVIDER);
        String provider = providerNode.isTextual() && !providerNode.asText().isBlank() ? providerNode.asText()
                : statement.path("context").path("platform").asText(null);
        if (provider == null || provider.isBlank()) {
            return new Unmapped("context extension " + XapiProfile.PROVIDER + " or context.platform must name the "
                    + "organising institution");
        }
        LocalDate end = LocalDate.ofInstant(Timestamps.parse(statement.path("timestamp").asText()),
                TrainingCalendar.ZONE);
        LocalDate start = end;
        JsonNode startNode = context.path(XapiProfile.START_DATE);
        if (!startNode.isMissingNode()) {
            try {
                start = LocalDate.parse(startNode.asText());
            } catch (DateTimeParseException e) {
                return new Unmapped("context extension " + XapiProfile.START_DATE + " must be a date (yyyy-MM-dd)");
            }
        }
        JsonNode international = context.path(XapiProfile.INTERNATIONAL);
        if (!international.isMissingNode() && !international.isBoolean()) {
            return new Unmapped("context extension " + XapiProfile.INTERNATIONAL + " must be true or false");
        }
        JsonNode certificate = context.path(XapiProfile.CERTIFICATE_NUMBER);
        if (!certificate.isMissingNode() && !certificate.isTextual()) {
            return new Unmapped("context extension " + XapiProfile.CERTIFICATE_NUMBER + " must be text");
        }
        BigDecimal jp = null;
        Integer days = null;
        JsonNode jpNode = result.path("extensions").path(XapiProfile.JP);
        if (!jpNode.isMissingNode()) {
            if (!jpNode.isNumber()) {
                return new Unmapped("result extension " + XapiProfile.JP + " must be a number of lesson hours");
            }
            jp = jpNode.decimalValue();
        } else {
            Optional<Durations.Parsed> duration = Durations.parse(result.path("duration").asText(""));
            if (duration.isEmpty()) {
                return new Unmapped("give the JP in result extension " + XapiProfile.JP + ", or result.duration");
            }
            if (countsByDays.test(kind) && duration.get().isWholeDays()) {
                if (duration.get().days().compareTo(MAX_DAYS) > 0) {
                    return new Unmapped("result.duration is longer than a year");
                }
                days = duration.get().days().intValueExact();
            } else if (duration.get().days().signum() != 0) {
                // A day of e-learning is not 24 lesson-hours' worth: days count only where the rules rate days.
                return new Unmapped("result.duration in days counts only for a kind rated by days; give the JP in "
                        + "result extension " + XapiProfile.JP + ", or the duration in hours and minutes (PT…)");
            } else if (duration.get().totalMinutes().isPresent()) {
                jp = duration.get().totalMinutes().get().divide(BigDecimal.valueOf(minutesPerJp), 2, RoundingMode.DOWN);
            } else {
                return new Unmapped("result.duration in years or months has no exact length; give the JP in result "
                        + "extension " + XapiProfile.JP);
            }
        }
        return new Completion(new NewCompletion(account.path("name").asText(), title(object), kind,
                competency.get(), mode.get(), provider, start, end, jp, days,
                international.isBoolean() ? international.asBoolean() : null,
                certificate.isTextual() ? certificate.asText() : null, system,
                statement.path("id").asText()));
    }

    private boolean samePage(String homePage) {
        return homePage != null && strip(homePage).equals(strip(nipHomePage));
    }

    private static String strip(String page) {
        return page.endsWith("/") ? page.substring(0, page.length() - 1) : page;
    }

    /** The activity's name in Indonesian, else English, else any language; its id when it has no name. */
    private static String title(JsonNode activity) {
        JsonNode names = activity.path("definition").path("name");
        for (String language : TITLE_LANGUAGES) {
            if (names.path(language).isTextual() && !names.path(language).asText().isBlank()) {
                return names.path(language).asText();
            }
        }
        for (JsonNode name : names) {
            if (!name.asText().isBlank()) {
                return name.asText();
            }
        }
        return activity.path("id").asText();
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
