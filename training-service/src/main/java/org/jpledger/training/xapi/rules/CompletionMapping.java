package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.training.service.NewCompletion;

/**
 * Reads the completion a statement reports under the JP Ledger xAPI profile (docs/xapi.md): a completed or passed
 * verb, an actor account whose name is the employee's NIP, the JP in a result extension (or derived from the result's
 * duration), the kind and competency type in context extensions. A statement that does not say all of it is not a
 * completion, and the answer says why.
 *
 * <p>The completion is dated by the statement's timestamp in the zone of the employee's unit, so a statement stamped
 * 2026-12-31T16:30Z for an employee in Papua (Asia/Jayapura) ends on 2027-01-01. JP derived from a duration use the
 * minutes per JP of that year ({@link TrainingCalendar#minutesPerJp}), the same value reporting converts with.
 *
 * @param nipHomePage  the account home page under which actor names are NIPs
 * @param countsByDays whether a kind may give days instead of JP on a training end date (a whole-day duration then
 *                     counts as days), by the recognition rules in force on that date
 * @param zoneOfNip    the zone an employee's records are dated in, by NIP (Asia/Jakarta for an unknown one)
 */
public record CompletionMapping(String nipHomePage, CountsByDays countsByDays, Function<String, ZoneId> zoneOfNip) {

    /** Whether a kind may give days instead of JP for a training that ended on a date. */
    @FunctionalInterface
    public interface CountsByDays {
        boolean test(int kindId, LocalDate endDate);
    }

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
     * system that sent it. The parts are read in a fixed order, so a statement lacking several is told the first.
     */
    public Outcome map(JsonNode statement, String system) {
        String verb = statement.path("verb").path("id").asText();
        if (!XapiProfile.COMPLETION_VERBS.contains(verb)) {
            return new NotCompletion();
        }
        try {
            String nip = nip(statement.path("actor"));
            JsonNode object = activity(statement.path("object"));
            JsonNode result = statement.path("result");
            requireCompleted(verb, result);
            JsonNode context = statement.path("context").path("extensions");
            int kind = kind(context);
            CompetencyType competency = competency(context);
            DeliveryMode mode = mode(context);
            String provider = provider(statement, context);
            LocalDate end = LocalDate.ofInstant(Timestamps.parse(statement.path("timestamp").asText()),
                    zoneOfNip.apply(nip));
            LocalDate start = start(context, end);
            Boolean international = international(context);
            String certificate = certificate(context);
            Length length = length(result, kind, end, TrainingCalendar.minutesPerJp(TrainingCalendar.yearOf(end)));
            return new Completion(new NewCompletion(nip, title(object), kind, competency, mode, provider, start,
                    end, length.jp(), length.days(), international, certificate, system,
                    statement.path("id").asText()));
        } catch (Unreadable e) {
            return new Unmapped(e.getMessage());
        }
    }

    /**
     * The name of the statement's actor account when it has a NIP's shape: whose zone {@link #zoneOfNip} will be asked
     * for, so a caller can read the zones of a whole request at once.
     */
    public static Optional<String> actorNip(JsonNode statement) {
        String name = statement.path("actor").path("account").path("name").asText("");
        return name.matches("\\d{18}") ? Optional.of(name) : Optional.empty();
    }

    /** The employee's NIP: the name of the actor's account under {@link #nipHomePage}. */
    private String nip(JsonNode actor) {
        JsonNode account = actor.path("account");
        if (!"Agent".equals(actor.path("objectType").asText("Agent")) || !samePage(account.path("homePage").asText(null))
                || !account.path("name").asText("").matches("\\d{18}")) {
            throw new Unreadable("actor must be an Agent with an account whose homePage is " + nipHomePage
                    + " and whose name is the employee's 18-digit NIP");
        }
        return account.path("name").asText();
    }

    private static JsonNode activity(JsonNode object) {
        if (!"Activity".equals(object.path("objectType").asText("Activity"))) {
            throw new Unreadable("object must be the Activity (the training) that was completed");
        }
        return object;
    }

    /** A result that says the training was not completed (or, for passed, not passed) records nothing. */
    private static void requireCompleted(String verb, JsonNode result) {
        if (result.path("completion").isBoolean() && !result.path("completion").asBoolean()) {
            throw new Unreadable("result.completion is false");
        }
        if (XapiProfile.PASSED.equals(verb) && result.path("success").isBoolean() && !result.path("success").asBoolean()) {
            throw new Unreadable("verb passed with result.success false");
        }
    }

    private static int kind(JsonNode context) {
        JsonNode kind = context.path(XapiProfile.KIND);
        if (!kind.canConvertToInt() || !kind.isIntegralNumber() || kind.asInt() < 1 || kind.asInt() > 25) {
            throw new Unreadable("context extension " + XapiProfile.KIND + " must be the national training kind id (1-25)");
        }
        return kind.asInt();
    }

    private static CompetencyType competency(JsonNode context) {
        return constant(CompetencyType.class, context.path(XapiProfile.COMPETENCY_TYPE))
                .orElseThrow(() -> new Unreadable("context extension " + XapiProfile.COMPETENCY_TYPE
                        + " must be TEKNIS, MANAJERIAL or SOSIAL_KULTURAL"));
    }

    /** The delivery mode; DARING (online) when not given, since a statement comes from an online platform. */
    private static DeliveryMode mode(JsonNode context) {
        JsonNode mode = context.path(XapiProfile.DELIVERY_MODE);
        return (mode.isMissingNode() ? Optional.of(DeliveryMode.DARING) : constant(DeliveryMode.class, mode))
                .orElseThrow(() -> new Unreadable("context extension " + XapiProfile.DELIVERY_MODE
                        + " must be LURING, DARING or BLENDED"));
    }

    /** The organising institution: the provider extension, else the context's platform. */
    private static String provider(JsonNode statement, JsonNode context) {
        JsonNode named = context.path(XapiProfile.PROVIDER);
        String provider = named.isTextual() && !named.asText().isBlank() ? named.asText()
                : statement.path("context").path("platform").asText(null);
        if (provider == null || provider.isBlank()) {
            throw new Unreadable("context extension " + XapiProfile.PROVIDER + " or context.platform must name the "
                    + "organising institution");
        }
        return provider;
    }

    /** The first day: the start date extension, else the day the training ended. */
    private static LocalDate start(JsonNode context, LocalDate end) {
        JsonNode start = context.path(XapiProfile.START_DATE);
        if (start.isMissingNode()) {
            return end;
        }
        try {
            return LocalDate.parse(start.asText());
        } catch (DateTimeParseException e) {
            throw new Unreadable("context extension " + XapiProfile.START_DATE + " must be a date (yyyy-MM-dd)");
        }
    }

    private static Boolean international(JsonNode context) {
        JsonNode international = context.path(XapiProfile.INTERNATIONAL);
        if (!international.isMissingNode() && !international.isBoolean()) {
            throw new Unreadable("context extension " + XapiProfile.INTERNATIONAL + " must be true or false");
        }
        return international.isBoolean() ? international.asBoolean() : null;
    }

    private static String certificate(JsonNode context) {
        JsonNode certificate = context.path(XapiProfile.CERTIFICATE_NUMBER);
        if (!certificate.isMissingNode() && !certificate.isTextual()) {
            throw new Unreadable("context extension " + XapiProfile.CERTIFICATE_NUMBER + " must be text");
        }
        return certificate.isTextual() ? certificate.asText() : null;
    }

    /** How long the training was: JP, or days for a kind rated by days. */
    private record Length(BigDecimal jp, Integer days) {
    }

    /** The JP result extension when given, else what the result's duration comes to. */
    private Length length(JsonNode result, int kind, LocalDate end, int minutesPerJp) {
        JsonNode jp = result.path("extensions").path(XapiProfile.JP);
        if (jp.isMissingNode()) {
            return fromDuration(result, kind, end, minutesPerJp);
        }
        if (!jp.isNumber()) {
            throw new Unreadable("result extension " + XapiProfile.JP + " must be a number of lesson hours");
        }
        return new Length(jp.decimalValue(), null);
    }

    private Length fromDuration(JsonNode result, int kind, LocalDate end, int minutesPerJp) {
        Durations.Parsed duration = Durations.parse(result.path("duration").asText(""))
                .orElseThrow(() -> new Unreadable("give the JP in result extension " + XapiProfile.JP
                        + ", or result.duration"));
        if (countsByDays.test(kind, end) && duration.isWholeDays()) {
            if (duration.days().compareTo(MAX_DAYS) > 0) {
                throw new Unreadable("result.duration is longer than a year");
            }
            return new Length(null, duration.days().intValueExact());
        }
        if (duration.days().signum() != 0) {
            // A day of e-learning is not 24 lesson-hours' worth: days count only where the rules rate days.
            throw new Unreadable("result.duration in days counts only for a kind rated by days; give the JP in "
                    + "result extension " + XapiProfile.JP + ", or the duration in hours and minutes (PT…)");
        }
        if (duration.totalMinutes().isEmpty()) {
            throw new Unreadable("result.duration in years or months has no exact length; give the JP in result "
                    + "extension " + XapiProfile.JP);
        }
        return new Length(duration.totalMinutes().get().divide(BigDecimal.valueOf(minutesPerJp), 2, RoundingMode.DOWN),
                null);
    }

    /** Why a statement with a completion verb cannot be read as a completion; ends {@link #map}. */
    private static final class Unreadable extends RuntimeException {

        Unreadable(String reason) {
            super(reason, null, false, false);
        }
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
