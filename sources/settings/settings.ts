/**
 * The settings a person edits, in one place: three JSON files, one zod schema (`Settings`, a
 * part per file) and one reader (`readSettings`). Each file is read when its part is needed, so a
 * command that does not fetch never asks for a contact address.
 *
 * | part      | file (default path)                       | what                                                  |
 * |-----------|-------------------------------------------|-------------------------------------------------------|
 * | `monitor` | `pipeline/config/monitor.config.json`     | the monitor's figures and methods (`--config` for another file) |
 * | `fetch`   | `sources/fetch/fetch.settings.json`       | how politely the web sources are fetched (contact, pacing, limits) |
 * | `sources` | `sources/adapters/sources.settings.json`  | what each web source fetches (its URLs, table ids, years) |
 *
 * Reading is the same for all three: a byte order mark (Notepad, Excel's "UTF-8") is accepted, and
 * an unreadable file or broken JSON is one Dutch line naming the file and the place, never Node's
 * English; a wrong key or value is a Dutch line naming the file and the key.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SourceAdapter } from '../adapter.ts';
import { fileSystemReason, MonitorError } from '../errors.ts';
import { type Environment, FetchSettings, fetchSettingsFrom } from './fetch-settings.ts';
import { MonitorConfig, parseMonitorConfig } from './monitor-config.ts';
import { parseSourceSettings, type SourceSettings, SourceSettingsFile } from './source-settings.ts';

/** One schema for all settings: each part is the content of one file. */
export const Settings = z.object({ monitor: MonitorConfig, fetch: FetchSettings, sources: SourceSettingsFile });
export type Settings = z.infer<typeof Settings>;
export type SettingsPart = keyof Settings;

/** Where each part's file is, and how messages name it. */
export const SETTINGS_FILES: { [K in SettingsPart]: { path: string; name: string; advice: string } } = {
  monitor: {
    path: fileURLToPath(new URL('../../pipeline/config/monitor.config.json', import.meta.url)),
    name: 'configuratie',
    advice: '; geef met --config een leesbaar configuratiebestand op',
  },
  fetch: { path: fileURLToPath(new URL('../fetch/fetch.settings.json', import.meta.url)), name: 'instellingenbestand', advice: '' },
  sources: { path: fileURLToPath(new URL('../adapters/sources.settings.json', import.meta.url)), name: 'instellingenbestand', advice: '' },
};

/** What reading a part takes besides its path (default: the path in SETTINGS_FILES). */
interface ReadOptions {
  monitor: { path?: string | undefined };
  /** `env`: where LSP_MONITOR_CONTACT is looked up (default: process.env). */
  fetch: { path?: string | undefined; env?: Environment };
  /** `adapters`: the registered sources, whose own schemas check their settings. */
  sources: { path?: string | undefined; adapters: readonly SourceAdapter[] };
}

/** What reading a part gives: the part checked, defaults filled in. */
interface ReadResults {
  monitor: MonitorConfig;
  fetch: FetchSettings;
  /** A source's settings as written (`{}` when absent); its adapter fills in the defaults when it fetches. */
  sources: SourceSettings;
}

const CHECKS: { [K in SettingsPart]: (raw: unknown, path: string, options: ReadOptions[K]) => ReadResults[K] } = {
  monitor: (raw, path) => parseMonitorConfig(raw, path),
  fetch: (raw, path, { env }) => fetchSettingsFrom(raw, path, env),
  sources: (raw, path, { adapters }) => parseSourceSettings(adapters, raw, basename(path)),
};

/** Reads one part's file and checks it against its part of `Settings`. */
export function readSettings<K extends SettingsPart>(part: K, options: ReadOptions[K]): ReadResults[K] {
  const file = SETTINGS_FILES[part];
  const path = options.path ?? file.path;
  const check: (raw: unknown, path: string, options: ReadOptions[K]) => ReadResults[K] = CHECKS[part];
  return check(readJsonFile(path, file.name, file.advice), path, options);
}

/** The parsed JSON of the file at `path`; `name` names the file in messages, `advice` follows a read error. */
function readJsonFile(path: string, name: string, advice: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MonitorError(`${name} ${path} kan niet worden gelezen: ${fileSystemReason(error)}${advice}`, { cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MonitorError(`${name} ${path} is geen geldige JSON${jsonPosition(text, error)}`, { cause: error });
  }
}

/** Where JSON.parse stopped, as line and column, so the person can find it in an editor. */
function jsonPosition(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (regel ${line}, kolom ${column})`;
}
