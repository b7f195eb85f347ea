/**
 * The published 2024 monitor as a reader gets it from `lsp-monitor run`: everything Dutch (the
 * English remarks of the transcribed inventory are not in any published file, their Dutch
 * translations are), no figure file without information, no configuration key or hash in the
 * report text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../helpers/csv.ts';
import { monitor2024 } from '../helpers/monitor-2024.ts';

const sourcesMd = fileURLToPath(new URL('../../sources/inventories/galan2024/SOURCES.md', import.meta.url));

/** The notes table of SOURCES.md: each Dutch note of locations.csv beside the English text it replaced. */
function translatedNotes(): { dutch: string; english: string }[] {
  const text = readFileSync(sourcesMd, 'utf8');
  const table = text.slice(text.indexOf('## Notes: Dutch text and the English transcription'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| note '))
    .map((line) => {
      const [dutch = '', english = ''] = line.slice(2, -2).split(' | ');
      return { dutch, english };
    });
}

describe('the published 2024 monitor reads as Dutch text for a publisher', () => {
  let folder: string;
  let published: Map<string, string>;

  beforeAll(async () => {
    const { run, reports } = await monitor2024();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    folder = join(reports, '2024');
    const names = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => /\.(csv|md|html|svg)$/.test(name));
    published = new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
  }, 180_000);

  it('publishes the inventory remarks in Dutch, each one, and none of their English originals', () => {
    const notes = translatedNotes();
    expect(notes.length).toBeGreaterThan(10);
    const remarks = new Set(readCsv(join(folder, 'locaties.csv')).map((row) => row['opmerking']));
    for (const { dutch, english } of notes) {
      expect(remarks, dutch).toContain(dutch);
      for (const [name, content] of published) expect(content.includes(english), `${name}: ${english}`).toBe(false);
    }
    for (const [name, content] of published) expect(content, name).not.toMatch(/\bfn \d+\b/);
  });

  it('writes no size-mix figure when no size is known, and points nowhere to one', () => {
    expect(existsSync(join(folder, 'figuren', 'grootte.svg'))).toBe(false);
    for (const [name, content] of published) expect(content, name).not.toContain('grootte.svg');
    expect(published.get('monitor.md')).toContain('daarom is er geen figuur van de verdeling naar grootte');
  });

  it('keeps configuration keys and hashes out of the text, in the Verantwoording at the end', () => {
    for (const name of ['monitor.md', 'monitor.html']) {
      const content = published.get(name)!.replace(/<svg[\s\S]*?<\/svg>/g, ''); // figures: coordinates are long digit runs
      const appendix = content.indexOf('Verantwoording</h2>') > -1 ? content.indexOf('Verantwoording</h2>') : content.indexOf('## Verantwoording');
      expect(appendix, name).toBeGreaterThan(0);
      expect(content.slice(0, appendix), name).not.toMatch(/galan2024|sha256|\b[0-9a-f]{12,64}\b/);
      expect(content.slice(appendix), name).toMatch(/sha256 [0-9a-f]{64}\./);
    }
  });
});
