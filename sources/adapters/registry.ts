/**
 * Every source the monitor knows. Adding a source = one file in this folder + one line here.
 */
import type { SourceAdapter } from '../adapter.ts';
import { UsageError } from '../errors.ts';
import { cbsStatline } from './cbs-statline.ts';
import { mindAtlas } from './mind-atlas.ts';
import { nvzh } from './nvzh.ts';
import { regionalCorrections } from './regional-corrections.ts';
import { survey } from './survey.ts';
import { vektisEpa } from './vektis-epa.ts';

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  mindAtlas,
  nvzh,
  cbsStatline,
  vektisEpa,
  regionalCorrections,
  survey,
];

export function adapterById(id: string): SourceAdapter {
  const adapter = SOURCE_ADAPTERS.find((candidate) => candidate.id === id);
  if (adapter === undefined) {
    throw new UsageError(`onbekende bron '${id}' (bekend: ${SOURCE_ADAPTERS.map((known) => known.id).join(', ')})`);
  }
  return adapter;
}
