/**
 * What the sources that come in as a file of their own yield, stored where that kind of record
 * belongs: regional corrections as corrections (the year and every later built year rebuilt),
 * survey answers per steunpunt, EPA shares per municipality. Each says in Dutch what it took in,
 * what it did not read, and why each rejected row was not taken in.
 */
import type { KindParseResult } from '../../sources/adapter.ts';
import { MonitorError } from '../../sources/errors.ts';
import type { Reject } from '../../sources/schema.ts';
import { applyCorrections } from '../corrections/apply.ts';
import { buildsOf, takenBeforeLineNl } from '../corrections/applied-summary.ts';
import { cappedLines } from '../corrections/capped-lines.ts';
import { locationFinder } from './find-location.ts';
import type { IntakeTarget } from './intake-target.ts';
import { regionalChanges } from './regional-corrections.ts';
import { storeEpaShares, type EpaSummary } from './store-epa.ts';
import { replacementRefusal } from './replacement-guard.ts';
import { answersInUse, storeSurvey } from './store-survey.ts';
import { countNl } from '../format-nl.ts';

/** What a file source's intake says. */
export interface FileIntake {
  lines: string[];
}

/** An EPA table's intake: also the shares stored and the rows refused, for a replayed snapshot's own message. */
export interface EpaIntake extends FileIntake {
  epa: EpaSummary;
  rejects: Reject[];
}

export async function storeRegionalCorrections(parsed: KindParseResult<'regional-corrections'>, target: IntakeTarget): Promise<FileIntake> {
  const { database, context, year, source, file, sha256 } = target;
  const { changes, unmatched } = regionalChanges(parsed.records, await locationFinder(database, context, year), file);
  const applied = await applyCorrections(database, context, { year, name: file, sha256 }, changes);
  const details = [
    ...ignoredLines(parsed.ignoredColumns),
    ...cappedLines(unmatched.map((line) => `niet gevonden, niet toegepast: ${line}`)),
    ...rejectLines(parsed.rejects),
  ];
  return {
    lines: [
      ...(applied.outcome === 'applied'
        ? [`${file} (bron ${source}, ${year}): ${applied.changes} correctie(s) overgenomen, ${parsed.rejects.length} afgewezen.`, ...details.map((line) => `  ${line}`)]
        : [takenBeforeLineNl(file, year, applied.outcome)]),
      ...buildsOf(applied).map((built) => `Monitor ${built.year} opnieuw gebouwd: ${built.inView} steunpunten in beeld, gewogen ${built.weighted}.`),
    ],
  };
}

export async function storeSurveyAnswers(parsed: KindParseResult<'survey'>, target: IntakeTarget): Promise<FileIntake> {
  const { database, context, year, source, file } = target;
  // Storing replaces the source's answers of the year: the same guard as an inventory list's.
  const refusal = replacementRefusal({
    file, usable: parsed.records.length, rejected: parsed.rejects.length, inUse: await answersInUse(database, year, source),
    confirmed: target.replace, confirmHow: 'importeer dan opnieuw met --replace',
  });
  if (refusal) throw new MonitorError(refusal);
  const summary = await storeSurvey(database, context, { year, source, file, answers: parsed.records });
  return {
    lines: [
      `${file} (bron ${source}, ${year}): ${summary.answers} antwoorden van ${summary.locations} steunpunten ingelezen, ${parsed.rejects.length} afgewezen.`,
      ...(summary.unmatched.length > 0 ? [`  niet gekoppeld aan een steunpunt van ${year}: ${cappedLines(summary.unmatched).join(', ')}`] : []),
      ...[...ignoredLines(parsed.ignoredColumns), ...rejectLines(parsed.rejects)].map((line) => `  ${line}`),
    ],
  };
}

export async function storeEpaTable(parsed: KindParseResult<'epa-table'>, target: IntakeTarget): Promise<EpaIntake> {
  const { database, context, source, file } = target;
  const epa = await storeEpaShares(database, context, file, parsed.records.map(({ record }) => record), {
    confirmed: target.replace, rejected: parsed.rejects.length,
  });
  return {
    epa,
    rejects: parsed.rejects,
    lines: [
      `${file} (bron ${source}): EPA-aandeel van ${countNl(epa.municipalities, 'gemeente', 'gemeenten')} ingelezen voor ${epa.years.join(', ')}, ${parsed.rejects.length} afgewezen.`,
      ...(epa.unresolved.length > 0 ? [`  gemeente niet gevonden, niet gebruikt: ${epa.unresolved.join(', ')}`] : []),
      ...[...cappedLines(epa.duplicates.map((line) => `dubbel, niet gebruikt: ${line}`)), ...rejectLines(parsed.rejects)].map((line) => `  ${line}`),
    ],
  };
}

/** Why each rejected row was not taken in, so no row is dropped without its reason. */
function rejectLines(rejects: readonly Reject[]): string[] {
  return cappedLines(rejects.map((reject) => `afgewezen: ${reject.file}, rij ${reject.row ?? '–'}, veld '${reject.field ?? '–'}': ${reject.reason}`));
}

/** Columns the source does not read are not stored (they may hold personal data); the user is told which. */
function ignoredLines(columns: readonly string[]): string[] {
  return columns.length === 0 ? [] : [`niet gelezen en niet bewaard: kolom ${columns.map((column) => `'${column}'`).join(', ')}`];
}
