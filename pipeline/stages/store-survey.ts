/**
 * Self-assessment answers on the ten characteristics, stored per location and year. An answer
 * names its steunpunt by location id (as the Excel overview shows it) or by name and
 * municipality; the latter is matched to the year's locations with the deduplication rules,
 * and only an unambiguous match counts. Answers that match no location are kept, unlinked, and
 * reported.
 */
import { z } from 'zod';
import { MonitorError } from '../../sources/errors.ts';
import type { SurveyAnswer } from '../../sources/schema.ts';
import type { MonitorContext } from '../context.ts';
import type { MonitorDatabase } from '../db/database.ts';
import { comparePair } from '../dedupe/compare.ts';
import { toMatchRecord } from '../dedupe/records.ts';

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

const Location = z.object({
  location_id: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  place: z.string().nullable(),
  gm_code: z.string().nullable(),
  iza_region: z.string().nullable(),
});

export async function storeSurvey(database: MonitorDatabase, context: MonitorContext, survey: SurveyImport): Promise<SurveySummary> {
  const locations = await database.query(
    Location,
    'SELECT location_id, name, organisation, place, gm_code, iza_region FROM location WHERE year = $1 ORDER BY location_id',
    [survey.year],
  );
  if (locations.length === 0) {
    throw new MonitorError(`monitor ${survey.year} is nog niet gebouwd; bouw eerst het jaar, dan kunnen de antwoorden aan de steunpunten worden gekoppeld`);
  }
  const known = new Set(locations.map((location) => location.location_id));
  const candidates = locations.map((location) => ({
    id: location.location_id,
    record: toMatchRecord(location.location_id, 'monitor', {
      name: location.name,
      organisation: location.organisation ?? undefined,
      place: location.place ?? undefined,
      gm_code: location.gm_code ?? undefined,
      iza_region: location.iza_region ?? undefined,
    }, 'locatie'),
  }));
  const locationOf = (answer: SurveyAnswer): string | null => {
    if (answer.locationId !== undefined && known.has(answer.locationId)) return answer.locationId;
    const resolution = answer.municipality ? context.resolver.resolve({ municipality: answer.municipality }) : undefined;
    const gmCode = resolution?.kind === 'resolved' ? resolution.gmCode : undefined;
    const asked = toMatchRecord('antwoord', 'enquete', { name: answer.name, ...(gmCode ? { gm_code: gmCode } : {}) }, 'locatie');
    const same = candidates.filter((candidate) => comparePair(asked, candidate.record).outcome === 'zelfde');
    return same.length === 1 ? same[0]!.id : null;
  };

  const rows = survey.answers.map(({ record, origin }) => ({ record, origin, locationId: locationOf(record) }));
  await database.transaction(async () => {
    await database.run('DELETE FROM survey_answer WHERE year = $1 AND source = $2', [survey.year, survey.source]);
    await database.insert(
      'survey_answer',
      rows.map(({ record, origin, locationId }) => [
        survey.year, survey.source, survey.file, origin, locationId, record.name, record.municipality, record.characteristic, record.answer,
      ]),
    );
  });
  const unmatched = [...new Set(rows.filter((row) => row.locationId === null).map((row) => row.record.name))].sort();
  return {
    answers: rows.length,
    locations: new Set(rows.flatMap((row) => (row.locationId === null ? [] : [row.locationId]))).size,
    unmatched,
  };
}
