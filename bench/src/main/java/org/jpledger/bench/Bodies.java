package org.jpledger.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Unit;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.xapi.XapiProfile;

/** Request bodies of training-service's API for the generated province, exactly the fields the API knows. */
final class Bodies {

    private Bodies() {
    }

    static Map<String, Object> unit(Unit unit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unit.name());
        if (unit.parentCode() != null) {
            body.put("parentCode", unit.parentCode());
        }
        return body;
    }

    /** The employee as first registered. */
    static Map<String, Object> employee(Employee e) {
        return employee(e, e.unitCode(), e.positionHistory().get(0), null, null, null);
    }

    /** What a later change of an employee is. */
    enum ChangeKind { TRANSFER, POSITION, EXEMPTION, LEAVING }

    /** One later change of an employee as the request that records it, and the status that accepts it. */
    record Change(ChangeKind kind, LocalDate on, String method, String path, Map<String, Object> body, int status) {
    }

    /** A change before its request is built: the request depends on the changes before it. */
    private record Step(ChangeKind kind, LocalDate on, Object detail) {
    }

    /**
     * Every later change of the employee as requests in date order, the leaving last: the API refuses a change dated
     * before the latest of its history, and an exemption starting after the last day in service. Each PUT carries the
     * whole state after the changes before it, so it changes only what it is about (a transfer and a position change
     * are separate histories, so even on the same day they are two PUTs).
     */
    static List<Change> changes(Employee e) {
        List<Step> steps = new ArrayList<>();
        if (e.transfers()) {
            steps.add(new Step(ChangeKind.TRANSFER, e.transferDate(), e.transferUnit()));
        }
        for (PositionAssignment p : e.positionHistory().subList(1, e.positionHistory().size())) {
            steps.add(new Step(ChangeKind.POSITION, p.effectiveFrom(), p));
        }
        for (ExemptionPeriod x : e.exemptions()) {
            steps.add(new Step(ChangeKind.EXEMPTION, x.from(), x));
        }
        if (e.leaves()) {
            steps.add(new Step(ChangeKind.LEAVING, e.employedUntil(), null));
        }
        // On one day the leaving goes last (the kinds' order): nothing may follow the end of service.
        steps.sort(Comparator.comparing(Step::on).thenComparing(Step::kind));
        String path = "/api/v1/employees/" + e.nip();
        String unit = e.unitCode();
        PositionAssignment position = e.positionHistory().get(0);
        List<Change> list = new ArrayList<>(steps.size());
        for (Step s : steps) {
            list.add(switch (s.kind()) {
                case TRANSFER -> {
                    unit = (String) s.detail();
                    yield new Change(s.kind(), s.on(), "PUT", path, employee(e, unit, position, s.on(), null, null), 200);
                }
                case POSITION -> {
                    position = (PositionAssignment) s.detail();
                    yield new Change(s.kind(), s.on(), "PUT", path, employee(e, unit, position, s.on(), null, null), 200);
                }
                case EXEMPTION -> new Change(s.kind(), s.on(), "POST", path + "/exemptions",
                        exemption((ExemptionPeriod) s.detail()), 201);
                case LEAVING -> new Change(s.kind(), s.on(), "PUT", path,
                        employee(e, unit, position, null, e.employedUntil(), e.leavingReason()), 200);
            });
        }
        return list;
    }

    private static Map<String, Object> employee(Employee e, String unit, PositionAssignment position,
            LocalDate effective, LocalDate until, LeavingReason reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name());
        body.put("employmentType", position.employmentType().name());
        body.put("positionLevel", position.positionLevel().name());
        body.put("unitCode", unit);
        body.put("employedFrom", e.employedFrom().toString());
        if (until != null) {
            body.put("employedUntil", until.toString());
            body.put("leavingReason", reason.name());
        }
        if (effective != null) {
            body.put("effectiveDate", effective.toString());
        }
        return body;
    }

    static Map<String, Object> exemption(ExemptionPeriod x) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", x.kind().name());
        body.put("from", x.from().toString());
        if (x.until() != null) {
            body.put("until", x.until().toString());
        }
        body.put("reference", x.reference());
        return body;
    }

    static Map<String, Object> completion(Completion c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nip", c.nip());
        body.put("title", c.title());
        body.put("kindId", c.kindId());
        body.put("competencyType", c.competencyType().name());
        body.put("deliveryMode", c.deliveryMode().name());
        body.put("provider", c.provider());
        body.put("startDate", c.startDate().toString());
        body.put("endDate", c.endDate().toString());
        if (c.jp() != null) {
            body.put("jp", c.jp());
        }
        if (c.days() != null) {
            body.put("days", c.days());
        }
        if (c.international()) {
            body.put("international", true);
        }
        if (c.certificateNumber() != null) {
            body.put("certificateNumber", c.certificateNumber());
        }
        body.put("sourceSystem", c.sourceSystem());
        body.put("externalId", c.externalId());
        return body;
    }

    /** The account home page under which actor names are NIPs (training-service's jpledger.xapi.nip-home-page). */
    static final String NIP_HOME_PAGE = "https://siasn.bkn.go.id";

    /**
     * The completion as an xAPI statement of the JP Ledger profile (docs/xapi.md): the actor's SIASN account, verb
     * completed, the JP (or, for a kind rated by days, the days as a whole-day duration) in the result, the kind,
     * competency type, provider, delivery mode and start date in context extensions, completed on its end date in
     * Western Indonesian time.
     */
    static Map<String, Object> statement(Completion c) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("actor", Map.of("objectType", "Agent", "account", Map.of("homePage", NIP_HOME_PAGE, "name",
                c.nip())));
        statement.put("verb", Map.of("id", XapiProfile.COMPLETED, "display", Map.of("en-US", "completed")));
        statement.put("object", Map.of("objectType", "Activity", "id", "https://bench.jpledger.id/course/"
                + java.net.URLEncoder.encode(c.externalId(), java.nio.charset.StandardCharsets.UTF_8),
                "definition", Map.of("name", Map.of("id-ID", c.title()))));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("completion", true);
        result.put("success", true);
        if (c.jp() != null) {
            result.put("extensions", Map.of(XapiProfile.JP, c.jp()));
        } else {
            result.put("duration", "P" + c.days() + "D");
        }
        statement.put("result", result);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(XapiProfile.KIND, c.kindId());
        extensions.put(XapiProfile.COMPETENCY_TYPE, c.competencyType().name());
        extensions.put(XapiProfile.PROVIDER, c.provider());
        extensions.put(XapiProfile.DELIVERY_MODE, c.deliveryMode().name());
        extensions.put(XapiProfile.START_DATE, c.startDate().toString());
        if (c.international()) {
            extensions.put(XapiProfile.INTERNATIONAL, true);
        }
        if (c.certificateNumber() != null) {
            extensions.put(XapiProfile.CERTIFICATE_NUMBER, c.certificateNumber());
        }
        statement.put("context", Map.of("extensions", extensions));
        // Midday in Jakarta: the same date in every Indonesian zone, so the end date is the completion's.
        statement.put("timestamp", c.endDate() + "T12:00:00+07:00");
        return statement;
    }
}
