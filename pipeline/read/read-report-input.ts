/** A year's monitor data with, when an earlier year was built, that year's data and the changes since. */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { readEarlierYear, readMonitor, type EarlierYearData, type MonitorData } from './read-monitor.ts';
import { diffYears, type YearDiff } from './diff-years.ts';

const LATEST_BUILD_BEFORE = sql('build/build-freshness/latest-build-before.sql');

export interface ReportInput {
  data: MonitorData;
  previous?: { data: EarlierYearData; diff: YearDiff };
}

export async function readReportInput(database: MonitorDatabase, year: number): Promise<ReportInput> {
  const data = await readMonitor(database, year);
  const [earlier] = await database.query(z.object({ year: z.number().nullable() }), LATEST_BUILD_BEFORE, { year });
  if (earlier?.year == null) return { data };
  return { data, previous: { data: await readEarlierYear(database, earlier.year), diff: await diffYears(database, earlier.year, year) } };
}
