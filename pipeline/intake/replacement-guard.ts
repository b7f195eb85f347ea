/**
 * The one guard of every intake that replaces what a source holds for a year (an inventory list,
 * a web snapshot, survey answers, the EPA shares of a data year): a file with no usable row, or
 * with fewer than half the rows it replaces, is refused unless the person confirms it
 * (`--replace`). The refusal says first what the replacement would drop, and that nothing changed.
 * Corrections (regional, workbook) add to what is there and replace nothing, so they do not ask.
 */
import { countNl, formatNumberNl } from '../format-nl.ts';
import { currentBatch, dutchTime, type BatchInfo } from './import-ledger.ts';
import type { IntakeTarget } from './intake-target.ts';
import type { Reject } from '../../sources/schema.ts';
import { replaceBatch, type RecordBatch } from './store-records.ts';

/**
 * A replacement with fewer than this share of the rows it replaces is refused unless confirmed
 * (--replace): a list that shrinks by half is far more often a wrong or partial file than a
 * year in which half the steunpunten closed.
 */
export const SHRINK_REFUSAL_SHARE = 0.5;

/** What the source holds for the year now. */
export interface InUse {
  count: number;
  /** What is counted, as one and as several: rij/rijen (default), antwoord/antwoorden. */
  unit?: { one: string; many: string };
  /** In words, for the message: "de 278 rijen van bron galan2024 voor 2024 (locations.csv, ingelezen 05-12-2026 21:39)". */
  described: string;
}

export interface Replacement {
  /** The file or snapshot that came in, as messages name it. */
  file: string;
  /** Rows it would store, and rows it rejected. */
  usable: number;
  rejected: number;
  /** What it replaces; undefined when the source holds nothing for the year. */
  inUse: InUse | undefined;
  /** The person confirmed the replacement (--replace): nothing is refused. */
  confirmed: boolean;
  /** How to confirm a sharp shrink: "importeer dan opnieuw met --replace". */
  confirmHow: string;
  /** How to take the source out of the year on purpose, when there is a command for it. */
  removeHow?: string;
}

/** Why the replacement is refused, or undefined when it may go ahead. */
export function replacementRefusal(replacement: Replacement): string | undefined {
  const { file, usable, rejected, inUse, confirmed, confirmHow, removeHow } = replacement;
  if (confirmed) return undefined;
  if (!inUse || inUse.count === 0) return usable === 0 ? `${file}: geen enkele rij is bruikbaar (${formatNumberNl(rejected)} afgewezen); er is niets ingelezen` : undefined;
  const unchanged = 'Er is niets veranderd.';
  if (usable === 0) {
    return (
      `${file}: geen enkele rij is bruikbaar (${formatNumberNl(rejected)} afgewezen); deze import zou ${inUse.described} vervangen door niets. ${unchanged} ` +
      `Verbeter het bestand${removeHow === undefined ? '' : `; moet de bron echt weg, gebruik dan ${removeHow}`}`
    );
  }
  if (usable < inUse.count * SHRINK_REFUSAL_SHARE) {
    const { one, many } = inUse.unit ?? { one: 'rij', many: 'rijen' };
    // Reached only with at least one usable row and fewer than half kept, so two or more are lost.
    return (
      `${file}: ${countNl(usable, `bruikbare ${one}`, `bruikbare ${many}`)} (${formatNumberNl(rejected)} afgewezen), minder dan de helft van ${inUse.described}; ` +
      `${formatNumberNl(inUse.count - usable)} ${many} zouden verdwijnen. ${unchanged} Klopt dit toch, ${confirmHow}`
    );
  }
  return undefined;
}

/** A source's batch of inventory records in use (the ledger's line), as the guard names it. */
export function batchInUse(batch: BatchInfo | undefined, year: number): InUse | undefined {
  if (!batch) return undefined;
  return {
    count: batch.rows_imported,
    described: `de ${countNl(batch.rows_imported, 'rij', 'rijen')} van bron ${batch.source} voor ${year} (${batch.file_name}, ingelezen ${dutchTime(batch.imported_ms)})`,
  };
}

/** How the inventory-record stores (list, snapshot) tell to take a source out of a year. */
export function removeImportHow(year: number, source: string): string {
  return `'lsp-monitor imports remove --year ${year} --source ${source}'`;
}

export interface GuardedBatch {
  /** Records stored (or, when refused, that would have been). */
  imported: number;
  rejects: Reject[];
  /** Rows with at least one reject. */
  rejectedRows: number;
  /** The source's batch of the year before this one (replaced, or kept when refused). */
  previous: BatchInfo | undefined;
  /** Why nothing was stored. */
  refusal?: string;
}

/**
 * Stores a batch of inventory records (a list, a web snapshot) in place of the source's batch of
 * the year, unless the guard refuses it once every row is read; then nothing changes.
 */
export async function replaceBatchGuarded(
  target: IntakeTarget,
  batch: Pick<RecordBatch, 'format' | 'rowsRead' | 'produce'>,
  confirmHow: string,
): Promise<GuardedBatch> {
  const { database, context, year, source, file, sha256 } = target;
  const previous = await currentBatch(database, year, source);
  const stored = await replaceBatch(database, context, {
    year, source, file, sha256, ...batch,
    refusal: (usable, rejected) => replacementRefusal({
      file, usable, rejected, inUse: batchInUse(previous, year),
      confirmed: target.replace, confirmHow, removeHow: removeImportHow(year, source),
    }),
  });
  return { ...stored, previous };
}
