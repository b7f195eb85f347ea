/**
 * Everything that came in for a monitor year, per kind of intake, for `lsp-monitor imports`:
 * inventories in use and archived (import_batch, import_archive), self-assessments
 * (survey_answer), corrections files (correction_file) and the EPA shares of that data year
 * (epa_municipality). Only inventories have rejects stored per batch.
 */
import { z } from 'zod';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { archivedBatches, yearBatches, type ArchivedBatch, type BatchInfo } from './import-ledger.ts';

const SURVEY_FILES = sql('intake/list-imports/survey-files.sql');
const CORRECTION_FILES = sql('intake/list-imports/correction-files.sql');
const EPA_FILES = sql('intake/list-imports/epa-files.sql');

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
      SURVEY_FILES,
      { year },
    ),
    corrections: await database.query(
      CorrectionFile,
      CORRECTION_FILES,
      { year },
    ),
    epa: await database.query(
      EpaFile,
      EPA_FILES,
      { year },
    ),
  };
}
