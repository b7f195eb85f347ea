-- Every EPA share in one place: the bundled shares per province (and any per municipality) of
-- ref_epa_share next to the shares per municipality imported from Vektis (epa_municipality).
-- The coverage build reads its shares only through this view, so the municipality, province and
-- latest-year queries cannot drift apart on where a share comes from.
CREATE VIEW epa_share AS
SELECT year, level, area, epa_pct FROM ref_epa_share
 UNION ALL SELECT year, 'gemeente', gm_code, epa_pct FROM epa_municipality;
