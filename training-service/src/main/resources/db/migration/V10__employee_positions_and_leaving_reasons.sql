-- Employment type and position level are effective-dated like the unit (V2): every type and level an employee has had,
-- from the date each took effect. A year is judged by the values in force on the employee's last day in it.
CREATE TABLE employee_position_assignment (
    nip             varchar(18) NOT NULL REFERENCES employee (nip),
    effective_from  date        NOT NULL,
    employment_type varchar(20) NOT NULL,
    position_level  varchar(20) NOT NULL,
    recorded_at     timestamptz NOT NULL,
    PRIMARY KEY (nip, effective_from)
);

INSERT INTO employee_position_assignment (nip, effective_from, employment_type, position_level, recorded_at)
SELECT nip, employed_from, employment_type, position_level, updated_at FROM employee;

-- PPPK_PARUH_WAKTU does not fit the 8 characters PNS and PPPK needed.
ALTER TABLE employee ALTER COLUMN employment_type TYPE varchar(20);

-- Why an employee left service, present exactly while employed_until is; departures recorded before reasons existed
-- were given none, which is LAINNYA ("other, or not stated").
ALTER TABLE employee ADD COLUMN leaving_reason varchar(40);
UPDATE employee SET leaving_reason = 'LAINNYA' WHERE employed_until IS NOT NULL;
ALTER TABLE employee ADD CONSTRAINT employee_leaving_reason
    CHECK ((leaving_reason IS NULL) = (employed_until IS NULL));
