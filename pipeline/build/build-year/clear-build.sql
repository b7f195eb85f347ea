-- Removes the previous build of year $year: every table `build` fills for a year.
DELETE FROM location WHERE year = $year;
DELETE FROM location_member WHERE year = $year;
DELETE FROM organisation WHERE year = $year;
DELETE FROM match_pair WHERE year = $year;
DELETE FROM coverage WHERE year = $year;
DELETE FROM coverage_target WHERE year = $year;
DELETE FROM accessibility WHERE year = $year;
DELETE FROM reach WHERE year = $year;
DELETE FROM white_spot WHERE year = $year;
DELETE FROM build_run WHERE year = $year;
