/**
 * The header synonyms as the Markdown table in sources/inventory/README.md, generated from
 * header-synonyms.ts so that the two cannot drift apart: test/sources/inventory/real-shapes.test.ts
 * compares them, and `npx tsx test/dev/header-table.ts` rewrites the table in the README.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { INVENTORY_FIELDS, type ExtraKey } from '../../sources/schema.ts';
import { COMPUTED_HEADERS, EXTRA_HEADER_SYNONYMS, FIELD_LABELS, HEADER_SYNONYMS } from '../../sources/inventory/header-synonyms.ts';

export const TABLE_START = '<!-- kolomnamen: begin (gegenereerd door header-table.ts) -->';
export const TABLE_END = '<!-- kolomnamen: einde -->';

const EXTRA_LABELS: Readonly<Partial<Record<ExtraKey, string>>> = {
  locatieId: 'location_id (identiteit uit de eigen export)',
  openingstijden: 'openingstijden (tekst, voor de dagdelen)',
  niveau: 'niveau (organisatie of locatie)',
};

export function headerSynonymTable(): string {
  const headersOf = <T extends string>(map: Readonly<Record<string, T>>, value: T) =>
    Object.entries(map)
      .filter(([, target]) => target === value)
      .map(([header]) => `\`${header}\``)
      .join(', ');
  const extraKeys = [...new Set(Object.values(EXTRA_HEADER_SYNONYMS))];
  return [
    '| gegeven | kolomnamen (zonder hoofdletters, accenten, spaties en leestekens) |',
    '|---|---|',
    ...INVENTORY_FIELDS.map((field) => `| ${FIELD_LABELS[field]} | ${headersOf(HEADER_SYNONYMS, field)} |`),
    ...extraKeys.map((key) => `| ${EXTRA_LABELS[key] ?? key} | ${headersOf(EXTRA_HEADER_SYNONYMS, key)} |`),
    `| berekend door de monitor: gelezen en bewust niet bewaard | ${COMPUTED_HEADERS.map((header) => `\`${header}\``).join(', ')} |`,
    '| elke andere kolom: niet bewaard (kan persoonsgegevens bevatten), genoemd in de melding van de import | |',
  ].join('\n');
}

/** The README text with the generated table between the markers. */
export function withHeaderTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README lacks the markers ${TABLE_START} … ${TABLE_END}`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${headerSynonymTable()}\n${readme.slice(end)}`;
}

export const README_PATH = fileURLToPath(new URL('../../sources/inventory/README.md', import.meta.url));

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  await writeFile(README_PATH, withHeaderTable(await readFile(README_PATH, 'utf8')));
}
