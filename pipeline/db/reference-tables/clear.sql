-- Empties every reference table before the bundled reference data is copied in again.
DELETE FROM ref_municipality;
DELETE FROM ref_population;
DELETE FROM ref_lineage;
DELETE FROM ref_iza_region;
DELETE FROM ref_region_province;
DELETE FROM ref_epa_share;
DELETE FROM ref_pc4;
DELETE FROM ref_centroid;
