/**
 * The one reader of the JSON files a person edits: pipeline/config/monitor.config.json (or
 * --config), sources/fetch/fetch.settings.json and sources/adapters/sources.settings.json. Each
 * file keeps its own schema next to the code it configures; reading is the same for all three:
 * a byte order mark (Notepad, Excel's "UTF-8") is accepted, and an unreadable file or broken JSON
 * is one Dutch line naming the file and the place, never Node's English.
 */
import { readFileSync } from 'node:fs';
import { fileSystemReason, MonitorError } from './errors.ts';

/**
 * The parsed JSON of the file at `path`. `what` names the file in messages ("configuratie");
 * `advice` is appended when the file cannot be read ("; geef met --config … op").
 */
export function readSettingsFile(path: string, what: string, advice = ''): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new MonitorError(`${what} ${path} kan niet worden gelezen: ${fileSystemReason(error)}${advice}`, { cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new MonitorError(`${what} ${path} is geen geldige JSON${jsonPosition(text, error)}`, { cause: error });
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
