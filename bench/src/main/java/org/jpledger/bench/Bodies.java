package org.jpledger.bench;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Unit;

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
        return employee(e, e.unitCode(), null, null);
    }

    /** The employee after their change: moved to the other unit from the transfer date, or out of service. */
    static Map<String, Object> employeeChanged(Employee e) {
        return e.transfers() ? employee(e, e.transferUnit(), e.transferDate(), null)
                : employee(e, e.unitCode(), null, e.employedUntil());
    }

    private static Map<String, Object> employee(Employee e, String unit, LocalDate effective, LocalDate until) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", e.name());
        body.put("employmentType", e.type().name());
        body.put("positionLevel", e.level().name());
        body.put("unitCode", unit);
        body.put("employedFrom", e.employedFrom().toString());
        if (until != null) {
            body.put("employedUntil", until.toString());
        }
        if (effective != null) {
            body.put("effectiveDate", effective.toString());
        }
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
}
