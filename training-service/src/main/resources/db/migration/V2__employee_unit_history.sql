-- Transfers are effective-dated: every unit an employee has belonged to, from the date it took effect.
CREATE TABLE employee_unit_assignment (
    nip            varchar(18) NOT NULL REFERENCES employee (nip),
    effective_from date        NOT NULL,
    unit_code      varchar(64) NOT NULL REFERENCES unit (code),
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (nip, effective_from)
);
CREATE INDEX employee_unit_assignment_unit ON employee_unit_assignment (unit_code);

INSERT INTO employee_unit_assignment (nip, effective_from, unit_code, recorded_at)
SELECT nip, employed_from, unit_code, updated_at FROM employee;
