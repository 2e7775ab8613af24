package org.jpledger.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;

/**
 * An employee's position history and exemption periods, kept on the employee's row as the JSON of its newest event:
 * they are only ever read whole, to derive the yearly rows and to show the employee.
 */
@ApplicationScoped
public class EmployeeRecords {

    private static final TypeReference<List<PositionAssignment>> POSITIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<ExemptionPeriod>> EXEMPTIONS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public EmployeeRecords(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The employee's position history, oldest first; empty without one (the current values hold for every year). */
    public List<PositionAssignment> positions(Employee employee) {
        return read(employee.positionHistory, POSITIONS);
    }

    /** The employee's exemption periods; empty without any. */
    public List<ExemptionPeriod> exemptions(Employee employee) {
        return read(employee.exemptions, EXEMPTIONS);
    }

    void store(Employee employee, List<PositionAssignment> positions, List<ExemptionPeriod> exemptions) {
        employee.positionHistory = write(positions);
        employee.exemptions = write(exemptions);
    }

    private String write(List<?> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable employee record " + json, e);
        }
    }
}
