package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.xapi.rules.XapiJson.object;
import static org.jpledger.training.xapi.rules.XapiJson.with;
import static org.jpledger.training.xapi.rules.XapiJson.without;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.training.service.NewCompletion;
import org.jpledger.training.xapi.rules.CompletionMapping.Completion;
import org.jpledger.training.xapi.rules.CompletionMapping.NotCompletion;
import org.jpledger.training.xapi.rules.CompletionMapping.Outcome;
import org.jpledger.training.xapi.rules.CompletionMapping.Unmapped;
import org.junit.jupiter.api.Test;

/** CompletionMapping: which statements report a completion under the JP Ledger xAPI profile, and the request read. */
class CompletionMappingTest {

    private static final String SYSTEM = "lms-bpsdmd";
    private static final String STATEMENT_ID = "0a6c2f0e-5d1b-4b7e-9a43-2f5d7c1e8b90";
    private static final String NIP = "198503122010012003";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final ZoneId JAYAPURA = ZoneId.of("Asia/Jayapura");
    /** The kind rated in days in these tests (a seminar, say); the others are rated in JP. */
    private static final int DAY_RATED_KIND = 12;

    private static final CompletionMapping MAPPING =
            new CompletionMapping("https://siasn.bkn.go.id", (kind, end) -> kind == DAY_RATED_KIND, nip -> JAKARTA);

    /** Pointers to the profile's extensions, for {@link XapiJson#with}. */
    private static final String JP = "/result/extensions/" + pointerKey(XapiProfile.JP);
    private static final String KIND = "/context/extensions/" + pointerKey(XapiProfile.KIND);
    private static final String COMPETENCY = "/context/extensions/" + pointerKey(XapiProfile.COMPETENCY_TYPE);
    private static final String MODE = "/context/extensions/" + pointerKey(XapiProfile.DELIVERY_MODE);
    private static final String PROVIDER = "/context/extensions/" + pointerKey(XapiProfile.PROVIDER);
    private static final String START = "/context/extensions/" + pointerKey(XapiProfile.START_DATE);
    private static final String CERTIFICATE = "/context/extensions/" + pointerKey(XapiProfile.CERTIFICATE_NUMBER);
    private static final String INTERNATIONAL = "/context/extensions/" + pointerKey(XapiProfile.INTERNATIONAL);

    /** A completed statement as stored, with the JP in its result extension; 20:00 UTC is the next day in Jakarta. */
    private static final ObjectNode COMPLETED = object("""
            {
              "id": "%s",
              "actor": {"objectType": "Agent", "name": "Siti Rahma",
                        "account": {"homePage": "https://siasn.bkn.go.id", "name": "%s"}},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
              "object": {"objectType": "Activity", "id": "https://lms.example.id/courses/analisis-kebijakan",
                         "definition": {"name": {"en-US": "Policy Analysis Training",
                                                 "id-ID": "Pelatihan Analisis Kebijakan"}}},
              "result": {"completion": true, "extensions": {"https://jpledger.id/xapi/extensions/jp": 24}},
              "context": {"platform": "LMS BPSDMD Jawa Tengah",
                          "extensions": {"https://jpledger.id/xapi/extensions/kind": 3,
                                         "https://jpledger.id/xapi/extensions/competency-type": "TEKNIS"}},
              "timestamp": "2026-03-05T20:00:00.000Z",
              "stored": "2026-03-05T20:00:01.000Z"
            }""".formatted(STATEMENT_ID, NIP));

    /** COMPLETED with its JP given by {@code duration} instead of the JP extension, for a training of {@code kind}. */
    private static ObjectNode byDuration(String duration, int kind) {
        return with(with(without(COMPLETED, "/result/extensions"), "/result/duration", "\"" + duration + "\""),
                KIND, String.valueOf(kind));
    }

    private static String pointerKey(String iri) {
        return iri.replace("~", "~0").replace("/", "~1");
    }

    private static NewCompletion request(JsonNode statement) {
        Outcome outcome = MAPPING.map(statement, SYSTEM);
        assertThat(outcome).isInstanceOf(Completion.class);
        return ((Completion) outcome).request();
    }

    /** The reason {@code statement} is not read as a completion. */
    private static String unmapped(JsonNode statement) {
        Outcome outcome = MAPPING.map(statement, SYSTEM);
        assertThat(outcome).isInstanceOf(Unmapped.class);
        return ((Unmapped) outcome).reason();
    }

    @Test
    void mapsCompletedStatementWithJpExtension() {
        assertThat(request(COMPLETED)).isEqualTo(new NewCompletion(NIP, "Pelatihan Analisis Kebijakan", 3,
                CompetencyType.TEKNIS, DeliveryMode.DARING, "LMS BPSDMD Jawa Tengah", LocalDate.of(2026, 3, 6),
                LocalDate.of(2026, 3, 6), new BigDecimal("24"), null, null, null, SYSTEM, STATEMENT_ID));
    }

    @Test
    void readsEveryProfileExtension() {
        ObjectNode statement = with(with(with(with(with(with(with(COMPLETED,
                MODE, "\"BLENDED\""),
                PROVIDER, "\"BPSDMD Provinsi Jawa Tengah\""),
                START, "\"2026-03-02\""),
                CERTIFICATE, "\"SERT-2026/0042\""),
                INTERNATIONAL, "true"),
                COMPETENCY, "\"MANAJERIAL\""),
                JP, "32.5");
        assertThat(request(statement)).isEqualTo(new NewCompletion(NIP, "Pelatihan Analisis Kebijakan", 3,
                CompetencyType.MANAJERIAL, DeliveryMode.BLENDED, "BPSDMD Provinsi Jawa Tengah",
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), new BigDecimal("32.5"), null, true,
                "SERT-2026/0042", SYSTEM, STATEMENT_ID));
    }

    @Test
    void endDateIsTheTimestampsDayInTheEmployeesZone() {
        CompletionMapping inPapua = new CompletionMapping("https://siasn.bkn.go.id", (kind, end) -> false,
                nip -> NIP.equals(nip) ? JAYAPURA : JAKARTA);

        // New Year's night in Jayapura (UTC+9) is still 31 December in Jakarta: the record counts in 2027.
        Outcome outcome = inPapua.map(with(COMPLETED, "/timestamp", "\"2026-12-31T16:30:00.000Z\""), SYSTEM);

        assertThat(((Completion) outcome).request().endDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(request(with(COMPLETED, "/timestamp", "\"2026-12-31T16:30:00.000Z\"")).endDate())
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void readsTheActorsNipForTheZoneLookUp() {
        assertThat(CompletionMapping.actorNip(COMPLETED)).contains(NIP);
        assertThat(CompletionMapping.actorNip(with(COMPLETED, "/actor/account/name", "\"siti\""))).isEmpty();
    }

    @Test
    void endDateIsTheTimestampsDayInJakartaByDefault() {
        assertThat(request(with(COMPLETED, "/timestamp", "\"2026-03-05T16:59:59.999Z\"")).endDate())
                .isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(request(with(COMPLETED, "/timestamp", "\"2026-03-05T17:00:00.000Z\"")).endDate())
                .isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void titleTakesEnglishWhenThereIsNoIndonesianName() {
        assertThat(request(with(COMPLETED, "/object/definition/name", """
                {"fr": "Formation", "en-GB": "Policy Analysis (UK)", "en-US": "Policy Analysis"}""")).title())
                .isEqualTo("Policy Analysis");
        assertThat(request(with(COMPLETED, "/object/definition/name", """
                {"fr": "Formation", "id": "Analisis Kebijakan"}""")).title()).isEqualTo("Analisis Kebijakan");
    }

    @Test
    void titleFallsBackToAnyNameThenToTheActivityId() {
        assertThat(request(with(COMPLETED, "/object/definition/name", """
                {"fr": "Formation"}""")).title()).isEqualTo("Formation");
        assertThat(request(without(COMPLETED, "/object/definition")).title())
                .isEqualTo("https://lms.example.id/courses/analisis-kebijakan");
    }

    @Test
    void passedVerbIsACompletion() {
        NewCompletion passed = request(with(with(COMPLETED, "/verb/id", "\"" + XapiProfile.PASSED + "\""),
                "/result/success", "true"));
        assertThat(passed.externalId()).isEqualTo(STATEMENT_ID);
        assertThat(passed.jp()).isEqualByComparingTo("24");
    }

    @Test
    void otherVerbIsNotACompletion() {
        assertThat(MAPPING.map(with(COMPLETED, "/verb/id", "\"http://adlnet.gov/expapi/verbs/experienced\""), SYSTEM))
                .isInstanceOf(NotCompletion.class);
        assertThat(MAPPING.map(with(COMPLETED, "/verb/id", "\"" + XapiProfile.VOIDED + "\""), SYSTEM))
                .isInstanceOf(NotCompletion.class);
    }

    @Test
    void actorFromAnotherHomePageIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/actor/account/homePage", "\"https://lms.example.id\"")))
                .contains("homePage is https://siasn.bkn.go.id");
    }

    @Test
    void homePageWithATrailingSlashIsTheSamePage() {
        assertThat(request(with(COMPLETED, "/actor/account/homePage", "\"https://siasn.bkn.go.id/\"")).nip())
                .isEqualTo(NIP);
    }

    @Test
    void accountNameThatIsNotANipIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/actor/account/name", "\"siti.rahma\""))).contains("18-digit NIP");
        assertThat(unmapped(with(COMPLETED, "/actor/account/name", "\"19850312201001200\""))).contains("18-digit NIP");
        assertThat(unmapped(with(COMPLETED, "/actor/account/name", "\"１９８５０３１２２０１００１２００３\"")))
                .contains("18-digit NIP");
    }

    @Test
    void actorWithoutAnAccountOrNotAnAgentIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/actor", """
                {"mbox": "mailto:siti@example.id"}"""))).startsWith("actor must be an Agent");
        assertThat(unmapped(with(COMPLETED, "/actor/objectType", "\"Group\""))).startsWith("actor must be an Agent");
    }

    @Test
    void objectThatIsNotAnActivityIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/object", """
                {"objectType": "StatementRef", "id": "e05aa883-acaa-4b9c-a59b-2e44b1d3f5a0"}""")))
                .startsWith("object must be the Activity");
    }

    @Test
    void missingOrInvalidKindIsUnmapped() {
        assertThat(unmapped(without(COMPLETED, KIND))).contains(XapiProfile.KIND);
        assertThat(unmapped(with(COMPLETED, KIND, "26"))).contains(XapiProfile.KIND);
        assertThat(unmapped(with(COMPLETED, KIND, "0"))).contains(XapiProfile.KIND);
        assertThat(unmapped(with(COMPLETED, KIND, "\"3\""))).contains(XapiProfile.KIND);
        assertThat(unmapped(with(COMPLETED, KIND, "3.5"))).contains(XapiProfile.KIND);
    }

    @Test
    void missingOrInvalidCompetencyTypeIsUnmapped() {
        assertThat(unmapped(without(COMPLETED, COMPETENCY))).contains(XapiProfile.COMPETENCY_TYPE);
        assertThat(unmapped(with(COMPLETED, COMPETENCY, "\"teknis\""))).contains(XapiProfile.COMPETENCY_TYPE);
    }

    @Test
    void invalidDeliveryModeIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, MODE, "\"ONLINE\""))).contains(XapiProfile.DELIVERY_MODE);
    }

    @Test
    void providerComesFromTheExtensionElseThePlatform() {
        assertThat(request(with(COMPLETED, PROVIDER, "\"BPSDM Kemendagri\"")).provider()).isEqualTo("BPSDM Kemendagri");
        assertThat(request(COMPLETED).provider()).isEqualTo("LMS BPSDMD Jawa Tengah");
        assertThat(unmapped(without(COMPLETED, "/context/platform"))).contains(XapiProfile.PROVIDER);
    }

    @Test
    void malformedStartDateOrInternationalFlagIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, START, "\"02/03/2026\""))).contains(XapiProfile.START_DATE);
        assertThat(unmapped(with(COMPLETED, INTERNATIONAL, "\"yes\""))).contains(XapiProfile.INTERNATIONAL);
    }

    @Test
    void incompleteResultIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/result/completion", "false"))).isEqualTo("result.completion is false");
    }

    @Test
    void passedWithSuccessFalseIsUnmapped() {
        assertThat(unmapped(with(with(COMPLETED, "/verb/id", "\"" + XapiProfile.PASSED + "\""),
                "/result/success", "false"))).isEqualTo("verb passed with result.success false");
    }

    @Test
    void jpExtensionThatIsNotANumberIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, JP, "\"24\""))).contains(XapiProfile.JP);
    }

    @Test
    void jpExtensionWinsOverTheDuration() {
        assertThat(request(with(COMPLETED, "/result/duration", "\"PT1H30M\"")).jp()).isEqualByComparingTo("24");
    }

    @Test
    void statementWithNeitherJpNorDurationIsUnmapped() {
        assertThat(unmapped(without(COMPLETED, "/result/extensions"))).contains(XapiProfile.JP)
                .contains("result.duration");
    }

    @Test
    void derivesJpFromDurationAt45MinutesPerJp() {
        NewCompletion request = request(byDuration("PT1H30M", 3));
        assertThat(request.jp()).isEqualTo(new BigDecimal("2.00"));
        assertThat(request.days()).isNull();
    }

    @Test
    void derivedJpIsRoundedDownToHundredths() {
        assertThat(request(byDuration("PT50M", 3)).jp()).isEqualTo(new BigDecimal("1.11"));
        assertThat(request(byDuration("PT89M59S", 3)).jp()).isEqualTo(new BigDecimal("1.99"));
    }

    @Test
    void lengthOfALessonHourIsTheTrainingCalendarsForTheCompletionsYear() {
        NewCompletion request = request(byDuration("PT1H30M", 3));
        int minutes = TrainingCalendar.minutesPerJp(request.endDate().getYear());
        assertThat(request.jp()).isEqualByComparingTo(BigDecimal.valueOf(90).divide(BigDecimal.valueOf(minutes), 2,
                RoundingMode.DOWN));
    }

    @Test
    void wholeDayDurationCountsAsDaysForDayRatedKind() {
        NewCompletion twoDays = request(byDuration("P2D", DAY_RATED_KIND));
        assertThat(twoDays.days()).isEqualTo(2);
        assertThat(twoDays.jp()).isNull();
        assertThat(request(byDuration("P1W", DAY_RATED_KIND)).days()).isEqualTo(7);
    }

    @Test
    void durationWithHoursForDayRatedKindGivesJp() {
        NewCompletion request = request(byDuration("PT9H", DAY_RATED_KIND));
        assertThat(request.jp()).isEqualTo(new BigDecimal("12.00"));
        assertThat(request.days()).isNull();
    }

    @Test
    void dayCountLongerThanAYearIsUnmapped() {
        assertThat(request(byDuration("P366D", DAY_RATED_KIND)).days()).isEqualTo(366);
        assertThat(unmapped(byDuration("P367D", DAY_RATED_KIND))).isEqualTo("result.duration is longer than a year");
    }

    @Test
    void durationInDaysIsUnmappedForAKindRatedInJp() {
        assertThat(unmapped(byDuration("P2D", 3))).startsWith("result.duration in days counts only for a kind rated");
        assertThat(unmapped(byDuration("P1DT2H", DAY_RATED_KIND))).startsWith("result.duration in days");
    }

    @Test
    void aBlankProviderFallsBackToThePlatform() {
        assertThat(request(with(COMPLETED, PROVIDER, "\"  \"")).provider()).isEqualTo("LMS BPSDMD Jawa Tengah");
    }

    @Test
    void aCertificateNumberThatIsNotTextIsUnmapped() {
        assertThat(unmapped(with(COMPLETED, "/context/extensions/" + pointerKey(XapiProfile.CERTIFICATE_NUMBER), "123")))
                .contains(XapiProfile.CERTIFICATE_NUMBER);
    }

    @Test
    void durationInMonthsOrYearsIsUnmapped() {
        assertThat(unmapped(byDuration("P1M", 3))).startsWith("result.duration in years or months has no exact length");
        assertThat(unmapped(byDuration("P1M", DAY_RATED_KIND))).startsWith("result.duration in years or months");
        assertThat(unmapped(byDuration("P1Y", 3))).startsWith("result.duration in years or months");
    }
}
