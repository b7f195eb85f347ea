-- Population within each distance band of year $year, per province and nationally.
SELECT level, area, km, population, share FROM reach WHERE year = $year AND level IN ('nederland', 'provincie')
