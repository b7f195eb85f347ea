/**
 * The settings of every web source (`sources/adapters/sources.settings.json`): one object per
 * source id, checked against that adapter's `settingsSchema`. What is left out takes the
 * default from the site description; a required setting left out (Vektis `url`) is allowed here
 * and reported by fetch as "niet ingesteld". An unknown source, a file source with settings or a
 * wrong value is a MonitorError naming the file and the setting.
 */
import { z } from 'zod';
import type { SourceAdapter } from '../adapter.ts';
import { checkSettings } from '../archive/settings-check.ts';
import { MonitorError } from '../errors.ts';

/** The file's shape; each source's object is then checked against its adapter's `settingsSchema`. */
export const SourceSettingsFile = z.record(z.string(), z.record(z.string(), z.unknown(), 'moet een object zijn (instellingen van één bron)'), 'moet een JSON-object zijn');

export type SourceSettings = (source: string) => Readonly<Record<string, unknown>>;

/** Checks the file's content (`file` names it in messages); returns a source's settings as written there (`{}` when absent). */
export function parseSourceSettings(adapters: readonly SourceAdapter[], raw: unknown, file: string): SourceSettings {
  const parsed = SourceSettingsFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    throw new MonitorError(`bron-instellingen: ${issue?.message ?? 'onbekende fout'}`, { location: field === '' ? { file } : { file, field } });
  }
  const settings = new Map(Object.entries(parsed.data));
  for (const [source, values] of settings) {
    const adapter = adapters.find((candidate) => candidate.id === source);
    if (adapter === undefined) {
      throw new MonitorError(`onbekende bron '${source}' (bekend: ${adapters.map((known) => known.id).join(', ')})`, { location: { file } });
    }
    if (adapter.origin === 'file') {
      throw new MonitorError(`bron ${source} komt binnen als bestand en heeft geen instellingen`, { location: { file, field: source } });
    }
    checkSettings(adapter, values, file);
  }
  return (source) => settings.get(source) ?? {};
}
