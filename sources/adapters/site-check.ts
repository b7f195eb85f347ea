/**
 * `lsp-monitor fetch --check`: for a source whose real shape could not be seen (MIND-atlas, NVZH),
 * fetch one page and say per expected element of its site description how often it was found, so
 * staff can correct the description (data in `<id>.site.ts`) instead of code. Knows no site: each
 * site description exports what to check (`SiteCheck`); nothing is stored.
 */
import type { HttpClient } from '../adapter.ts';
import { MonitorError } from '../errors.ts';
import type { CheerioAPI } from 'cheerio';
import { loadHtml, type HtmlField } from './html-list.ts';
import { bodyText } from './source-io.ts';

/** One expected element; `required` ones decide whether the check passes. */
interface Expected<Spec> {
  label: string;
  spec: Spec;
  required: boolean;
}

export type CheckPage =
  | {
      kind: 'html';
      url: string;
      /** One entry of the list. */
      entry: string;
      /** Where each field sits inside an entry. */
      fields: readonly Expected<HtmlField>[];
      /** Elements of the page itself (e.g. the link to the next page). */
      page?: readonly Expected<string>[];
    }
  | {
      kind: 'json';
      url: string;
      /** Keys of each object of the JSON array. */
      keys: readonly Expected<string>[];
    };

export interface SiteCheck {
  source: string;
  /** The file a person edits when an element is missing. */
  description: string;
  /** The pages to check, from the source's settings as configured (defaults filled in). */
  pages(settings: Readonly<Record<string, unknown>>): readonly CheckPage[];
}

export interface CheckOutcome {
  lines: string[];
  /** Required elements that were not found. */
  missingRequired: number;
}

/** Dutch names of the fields site descriptions use. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'naam',
  organisation: 'organisatie',
  street: 'straat',
  address: 'adres',
  address2: 'adres (2e regel)',
  postcode: 'postcode',
  place: 'plaats',
  municipality: 'gemeente',
  lat: 'breedtegraad',
  lng: 'lengtegraad',
  website: 'website',
  email: 'e-mail',
  phone: 'telefoon',
  categories: 'categorieën',
};

/** The expected elements of a description's `fields`, labelled in Dutch; `required` names those the adapter cannot do without. */
export function expectedFields<Spec>(fields: Readonly<Record<string, Spec | undefined>>, required: readonly string[]): Expected<Spec>[] {
  return Object.entries(fields).flatMap(([key, spec]) =>
    spec === undefined ? [] : [{ label: FIELD_LABELS[key] ?? key, spec, required: required.includes(key) }],
  );
}

const describeField = (spec: HtmlField): string =>
  typeof spec === 'string'
    ? `'${spec}'`
    : 'attribute' in spec
      ? `${spec.selector === undefined ? 'het item zelf' : `'${spec.selector}'`}, attribuut ${spec.attribute}`
      : `'${spec.selector}' (alle)`;

const optional = (required: boolean) => (required ? '' : ' (optioneel)');

/** Fetches each page of the check once and reports per element: found N, or missing. */
export async function runSiteCheck(check: SiteCheck, http: HttpClient, settings: Readonly<Record<string, unknown>>): Promise<CheckOutcome> {
  const lines: string[] = [];
  let missingRequired = 0;
  let found = 0;
  let expected = 0;
  const count = (label: string, spec: string, hits: number, required: boolean, of?: number) => {
    expected += 1;
    if (hits > 0) found += 1;
    else if (required) missingRequired += 1;
    const where = of === undefined ? '' : ` in ${hits} van ${of} items`;
    lines.push(`    ${label}${spec === '' ? '' : ` ${spec}`}${optional(required)}: ${hits > 0 ? `gevonden${where === '' ? ` (${hits})` : where}` : 'ontbreekt'}`);
  };
  for (const page of check.pages(settings)) {
    const response = await http.get(page.url, { accept: page.kind === 'html' ? 'text/html' : 'application/json' }).catch((error: unknown) => {
      if (error instanceof MonitorError) return error;
      throw error;
    });
    const failure = response instanceof MonitorError ? response.message : response.status < 200 || response.status >= 300 ? `HTTP ${response.status}` : undefined;
    lines.push(`  ${page.url}${response instanceof MonitorError ? '' : ` (HTTP ${response.status})`}:`);
    if (failure !== undefined || response instanceof MonitorError) {
      expected += page.kind === 'html' ? 1 + page.fields.length + (page.page?.length ?? 0) : 1 + page.keys.length;
      missingRequired += 1;
      lines.push(`    niet te controleren: ${failure ?? ''}`);
      continue;
    }
    const text = bodyText({ bytes: response.body });
    if (page.kind === 'html') {
      const $ = loadHtml(text);
      const entries = $(page.entry).toArray();
      count('lijstitem', `'${page.entry}'`, entries.length, true);
      for (const field of page.fields) {
        const hits = entries.filter((node) => fieldFound($(node), field.spec)).length;
        if (entries.length > 0) count(field.label, describeField(field.spec), hits, field.required, entries.length);
        else {
          expected += 1;
          if (field.required) missingRequired += 1;
          lines.push(`    ${field.label} ${describeField(field.spec)}${optional(field.required)}: niet te controleren (geen lijstitems)`);
        }
      }
      for (const element of page.page ?? []) count(element.label, `'${element.spec}'`, $(element.spec).length, element.required);
    } else {
      const items = jsonItems(text);
      if (items === undefined) {
        expected += 1 + page.keys.length;
        missingRequired += 1;
        lines.push('    het antwoord is geen JSON-lijst (array van objecten): niets te controleren');
        continue;
      }
      count('objecten in de lijst', '', items.length, true);
      for (const key of page.keys) {
        const hits = items.filter((item) => filled(item[key.spec])).length;
        if (items.length > 0) count(key.label, `sleutel '${key.spec}'`, hits, key.required, items.length);
      }
    }
  }
  lines.push(
    `  ${found} van ${expected} verwachte onderdelen gevonden` +
      (missingRequired > 0 || found < expected ? `; pas de sitebeschrijving aan in ${check.description} (gegevens, geen code)` : ''),
  );
  return { lines, missingRequired };
}

function fieldFound(entry: ReturnType<CheerioAPI>, spec: HtmlField): boolean {
  if (typeof spec === 'string') return entry.find(spec).text().trim() !== '';
  if ('all' in spec) return entry.find(spec.selector).length > 0;
  const target = spec.selector === undefined ? entry : entry.find(spec.selector).first();
  return (target.attr(spec.attribute) ?? '').trim() !== '';
}

function jsonItems(text: string): Record<string, unknown>[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data)) return undefined;
  return data.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null && !Array.isArray(item));
}

const filled = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== '';
