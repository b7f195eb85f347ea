/** Fake adapters and file-tree snapshots for the archive tests. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { FileSourceAdapter, SettingsSchema, WebSourceAdapter } from '../../../sources/adapter.ts';
import { writeVerdict } from '../../../sources/archive/verdict.ts';
import { writeSnapshot } from '../../../sources/archive/write-snapshot.ts';
import { MonitorError } from '../../../sources/errors.ts';

export const Steunpunt = z.object({ name: z.string().min(1) });

export interface FakeOptions {
  version?: number;
  /** Default: no settings. */
  settingsSchema?: SettingsSchema;
}

/**
 * A web source that fetches `urls` through the HttpClient and parses every <li> of the list with
 * id "steunpunten"; a page without that list is a structural change.
 */
export function fakeAdapter(id: string, urls: () => readonly string[], options: FakeOptions = {}): WebSourceAdapter<typeof Steunpunt> {
  return {
    id,
    title: `Testbron ${id}`,
    origin: 'web',
    version: options.version ?? 1,
    recordSchema: Steunpunt,
    settingsSchema: options.settingsSchema ?? z.object({}).strict(),
    async fetch({ http }) {
      const files = [];
      for (const url of urls()) {
        const response = await http.get(url, { accept: 'text/html' });
        files.push({ url: response.url, status: response.status, contentType: response.contentType, bytes: response.body });
      }
      return files;
    },
    parse(snapshot) {
      const records = snapshot.files.flatMap((file) => {
        const html = new TextDecoder().decode(file.bytes);
        const list = /<ul id="steunpunten">([\s\S]*?)<\/ul>/.exec(html);
        if (!list) throw new MonitorError(`bron ${id}: ${file.name} heeft geen lijst 'steunpunten' meer; de opbouw van de pagina is veranderd`);
        return [...(list[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((match, index) => ({
          record: Steunpunt.parse({ name: match[1] }),
          origin: `${file.name}#${index + 1}`,
        }));
      });
      return { records, rejects: [] };
    },
  };
}

export function scratch(prefix = 'lsp-archive-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under `root`, by path relative to it, with its bytes. */
export function fileTree(root: string): Map<string, Buffer> {
  const tree = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.set(relative(root, path), readFileSync(path));
    }
  };
  walk(root);
  return tree;
}

export const page = (...names: string[]) =>
  `<html><body><ul id="steunpunten">${names.map((name) => `<li>${name}</li>`).join('')}</ul></body></html>`;

/** A source that comes in as a file: parses like fakeAdapter, has no fetch. */
export function fakeFileAdapter(id: string): FileSourceAdapter<typeof Steunpunt> {
  const { parse } = fakeAdapter(id, () => []);
  return { id, title: `Testbestand ${id}`, origin: 'file', version: 1, recordSchema: Steunpunt, parse };
}

/** Writes a snapshot of one page with a verdict (good, or rejected with a reason) into `archive`. */
export async function storedSnapshot(
  archive: string,
  source: string,
  fetchedAt: string,
  html: string,
  verdict: { good: true; records: number; adapterVersion?: number } | { good: false; reason: string; adapterVersion?: number },
): Promise<string> {
  const { info } = await writeSnapshot(archive, {
    source,
    adapterVersion: verdict.adapterVersion ?? 1,
    fetchedAt: new Date(fetchedAt),
    files: [{ url: 'https://example.org/', status: 200, contentType: 'text/html', bytes: new TextEncoder().encode(html) }],
  });
  const base = { parsedAt: new Date(new Date(fetchedAt).getTime() + 1000).toISOString(), adapterVersion: verdict.adapterVersion ?? 1 };
  await writeVerdict(info.dir, verdict.good ? { good: true, ...base, records: verdict.records, rejects: 0 } : { good: false, ...base, reason: verdict.reason });
  return info.dir;
}
