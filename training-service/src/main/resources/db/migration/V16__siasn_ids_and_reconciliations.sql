-- SIASN's own ids on the roster: the person id of an employee and the agency id of a root unit (both optional).
ALTER TABLE employee ADD COLUMN pns_orang_id varchar(64);
ALTER TABLE unit ADD COLUMN instansi_id varchar(64);
