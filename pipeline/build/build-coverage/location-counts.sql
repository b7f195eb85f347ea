-- Steunpunten of monitor year $year per area at every level: in view (status actief), potential,
-- and weighted (actief only). A steunpunt counts in its municipality, its IZA-region, its
-- province ($province_of_location: 'gemeente' = its municipality's, 'iza-regio' = its
-- IZA-region's, its municipality's when the region is unknown) and the whole country ('NL').
-- Kept for the coverage queries of this build, which join it by level and area.
CREATE OR REPLACE TEMP TABLE location_count AS
WITH located AS (
       SELECT l.location_id, l.status, l.weight, l.gm_code, l.iza_region,
              CASE WHEN $province_of_location = 'iza-regio' THEN coalesce(rp.province, l.province) ELSE l.province END AS province
         FROM location l LEFT JOIN ref_region_province rp USING (iza_region)
        WHERE l.year = $year),
     areas AS (
       SELECT 'gemeente' AS level, gm_code AS area, location_id, status, weight FROM located
       UNION ALL SELECT 'iza_regio', iza_region, location_id, status, weight FROM located
       UNION ALL SELECT 'provincie', province, location_id, status, weight FROM located
       UNION ALL SELECT 'nederland', 'NL', location_id, status, weight FROM located)
SELECT level, area,
       count(*) FILTER (WHERE status = 'actief')::INTEGER AS in_view,
       count(*) FILTER (WHERE status = 'potentieel')::INTEGER AS potential,
       coalesce(sum(weight ORDER BY location_id) FILTER (WHERE status = 'actief'), 0) AS weighted
  FROM areas WHERE area IS NOT NULL GROUP BY level, area
