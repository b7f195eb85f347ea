-- Opening hours as a source wrote them, kept on the location beside the dagdelen they gave
-- (pipeline/stages/classify-size.ts), so the workbook shows both and a reader can check the count.
ALTER TABLE location ADD COLUMN opening_hours VARCHAR;
