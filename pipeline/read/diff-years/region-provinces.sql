-- The province of every IZA-region.
SELECT iza_region, province FROM ref_region_province
