/** Fake adapters and file-tree snapshots for the archive tests. */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { SourceAdapter } from '../../../sources/adapter.ts';
import { MonitorError } from '../../../sources/errors.ts';

export const Steunpunt = z.object({ name: z.string().min(1) });

/**
 * Fetches `urls` through the HttpClient and parses every <li> of the list with id
 * "steunpunten"; a page without that list is a structural change.
 */
export function fakeAdapter(id: string, urls: () => readonly string[], version = 1): SourceAdapter<typeof Steunpunt> {
  return {
    id,
    title: `Testbron ${id}`,
    version,
    recordSchema: Steunpunt,
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
