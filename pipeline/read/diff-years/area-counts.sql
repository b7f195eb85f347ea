-- Steunpunten in view and weighted, nationally, per province and per IZA-region, in years $from and $to.
SELECT level, area_name AS area, year, in_view, weighted FROM coverage
 WHERE year IN ($from, $to) AND level IN ('nederland', 'provincie', 'iza_regio')
