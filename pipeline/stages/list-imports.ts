/**
 * Everything that came in for a monitor year, per kind of intake, for `lsp-monitor imports`:
 * inventories in use and archived (import_batch, import_archive), self-assessments
 * (survey_answer), corrections files (correction_file) and the EPA shares of that data year
 * (epa_municipality). Only inventories have rejects stored per batch.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import { archivedBatches, yearBatches, type ArchivedBatch, type BatchInfo } from './import-ledger.ts';

const SurveyFile = z.object({ source: z.string(), file_name: z.string(), answers: z.number(), respondents: z.number(), linked: z.number() });
const CorrectionFile = z.object({ file_name: z.string(), sha256: z.string(), applied_ms: z.number(), changes: z.number() });
const EpaFile = z.object({ file_name: z.string(), municipalities: z.number() });

export interface YearImports {
  inventories: BatchInfo[];
  archived: ArchivedBatch[];
  surveys: z.infer<typeof SurveyFile>[];
  corrections: z.infer<typeof CorrectionFile>[];
  epa: z.infer<typeof EpaFile>[];
}

export async function listImports(database: MonitorDatabase, year: number): Promise<YearImports> {
  return {
    inventories: await yearBatches(database, year),
    archived: await archivedBatches(database, year),
    surveys: await database.query(
      SurveyFile,
      `SELECT source, file_name, count(*)::INTEGER AS answers, count(DISTINCT name || '|' || coalesce(municipality, ''))::INTEGER AS respondents,
              count(DISTINCT location_id)::INTEGER AS linked
         FROM survey_answer WHERE year = $1 GROUP BY source, file_name ORDER BY source, file_name`,
      [year],
    ),
    corrections: await database.query(
      CorrectionFile,
      `SELECT file_name, sha256, epoch_ms(applied_at) AS applied_ms, changes
         FROM correction_file WHERE year = $1 ORDER BY applied_at, file_name`,
      [year],
    ),
    epa: await database.query(
      EpaFile,
      'SELECT file_name, count(*)::INTEGER AS municipalities FROM epa_municipality WHERE year = $1 GROUP BY file_name ORDER BY file_name',
      [year],
    ),
  };
}
