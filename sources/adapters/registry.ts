/**
 * Every source the monitor knows. Adding a source = one file in this folder + one line here.
 */
import type { KindedAdapter } from '../adapter.ts';
import { UsageError } from '../errors.ts';
import { cbsStatline } from './cbs-statline.ts';
import { inventoryList } from './inventory-list.ts';
import { mindAtlas } from './mind-atlas.ts';
import { nvzh } from './nvzh.ts';
import { regionalCorrections } from './regional-corrections.ts';
import { survey } from './survey.ts';
import { vektisEpa } from './vektis-epa.ts';

/** The sources with a name of their own: fetched from the web, or read in with `--source <id>`. */
export const SOURCE_ADAPTERS: readonly KindedAdapter[] = [
  mindAtlas,
  nvzh,
  cbsStatline,
  vektisEpa,
  regionalCorrections,
  survey,
];

/** A list of steunpunten read in under a source name of its sender's choosing: every `--source` that is none of the above. */
export const LIST_ADAPTER = inventoryList;

/** Every way data enters through an adapter: the named sources and the lists. */
export const INTAKE_ADAPTERS: readonly KindedAdapter[] = [...SOURCE_ADAPTERS, LIST_ADAPTER];

export function adapterById(id: string): KindedAdapter {
  const adapter = SOURCE_ADAPTERS.find((candidate) => candidate.id === id);
  if (adapter === undefined) {
    throw new UsageError(`onbekende bron '${id}' (bekend: ${SOURCE_ADAPTERS.map((known) => known.id).join(', ')})`);
  }
  return adapter;
}
