/**
 * Self-assessment answers on the ten characteristics, stored per location and year. An answer
 * names its steunpunt by location id (as the Excel overview shows it) or by name and
 * municipality; the latter is matched to the year's locations with the deduplication rules,
 * and only an unambiguous match counts. Answers that match no location are kept, unlinked, and
 * reported.
 */
import { z } from 'zod';
import type { SurveyAnswer } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { sql } from '../db/sql-file.ts';
import { locationFinder } from './find-location.ts';
import type { InUse } from './replacement-guard.ts';
import { countNl } from '../format-nl.ts';

const DELETE_ANSWERS = sql('intake/store-survey/delete-answers.sql');
const ANSWERS_IN_USE = sql('intake/store-survey/answers-in-use.sql');

export interface SurveyImport {
  year: number;
  source: string;
  file: string;
  answers: readonly { record: SurveyAnswer; origin: string }[];
}

export interface SurveySummary {
  answers: number;
  locations: number;
  unmatched: string[];
}

export async function storeSurvey(database: MonitorDatabase, context: MonitorContext, survey: SurveyImport): Promise<SurveySummary> {
  const find = await locationFinder(database, context, survey.year);
  const locationOf = (answer: SurveyAnswer) => find(answer)?.location_id ?? null;

  const rows = survey.answers.map(({ record, origin }) => ({ record, origin, locationId: locationOf(record) }));
  await database.transaction(async () => {
    await database.run(DELETE_ANSWERS, { year: survey.year, source: survey.source });
    await database.append(
      'survey_answer',
      rows.map(({ record, origin, locationId }) => ({
        year: survey.year, source: survey.source, file_name: survey.file, origin, location_id: locationId,
        name: record.name, municipality: record.municipality, characteristic: record.characteristic, answer: record.answer,
      })),
    );
  });
  const unmatched = [...new Set(rows.filter((row) => row.locationId === null).map((row) => row.record.name))].sort();
  return {
    answers: rows.length,
    locations: new Set(rows.flatMap((row) => (row.locationId === null ? [] : [row.locationId]))).size,
    unmatched,
  };
}

/** The source's answers of the year, as the replacement guard names them. */
export async function answersInUse(database: MonitorDatabase, year: number, source: string): Promise<InUse | undefined> {
  const [row] = await database.query(z.object({ answers: z.number(), files: z.string() }), ANSWERS_IN_USE, { year, source });
  if (!row || row.answers === 0) return undefined;
  return { count: row.answers, unit: { one: 'antwoord', many: 'antwoorden' }, described: `de ${countNl(row.answers, 'antwoord', 'antwoorden')} van bron ${source} voor ${year} (${row.files})` };
}
