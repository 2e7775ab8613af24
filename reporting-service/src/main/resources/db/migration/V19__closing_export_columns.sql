-- Which columns a closing's export files have (issue 24), so writing them again gives the bytes its manifest records:
-- 1, the closings made before, whose compliance file has the first 17 columns with codes as codes; 2, the closings
-- made from now on, with Indonesian names beside the codes and the analyst columns. The default changes after the
-- column is added, so the rows there keep 1 and every new closing gets 2.
ALTER TABLE year_closing ADD COLUMN export_columns integer NOT NULL DEFAULT 1;
ALTER TABLE year_closing ALTER COLUMN export_columns SET DEFAULT 2;
