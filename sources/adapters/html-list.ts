/**
 * Reads a list of entries from an HTML page, driven by a site description: a CSS selector for the
 * entries and, per field, where its value sits inside an entry. Knows nothing of any one site.
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio';
import { z } from 'zod';

let cheerio: typeof import('cheerio') | undefined;

/**
 * Parses a page with cheerio, which is loaded here when a page is first read rather than by every
 * command that lists the adapters (with undici beneath it some 200 files: `lsp-monitor run`, which
 * reads no page, spent about a tenth of a second on it).
 */
export function loadHtml(html: string): CheerioAPI {
  cheerio ??= createRequire(import.meta.url)('cheerio') as typeof import('cheerio');
  return cheerio.load(html);
}

/**
 * Where a value sits inside an entry:
 * - a CSS selector: the text of its first match;
 * - `{ selector?, attribute }`: an attribute of the first match (of the entry itself without selector);
 * - `{ selector, all: true }`: the texts of all matches (e.g. category labels).
 */
/** A field with several values per entry (e.g. category labels): the texts of all matches. */
export const HtmlListField = z.object({ selector: z.string().min(1), all: z.literal(true) }).strict();

export const HtmlField = z.union([
  z.string().min(1),
  z.object({ selector: z.string().min(1).optional(), attribute: z.string().min(1) }).strict(),
  HtmlListField,
]);
export type HtmlField = z.infer<typeof HtmlField>;

export interface HtmlEntry<K extends string> {
  /** 1-based position of the entry on the page. */
  position: number;
  values: Partial<Record<K, string>>;
  /** Fields of the `all` kind: every match, in page order. */
  lists: Partial<Record<K, string[]>>;
}

export function extractHtmlEntries<K extends string>(
  html: string,
  entrySelector: string,
  fields: Partial<Record<K, HtmlField>>,
): HtmlEntry<K>[] {
  const $ = loadHtml(html);
  const specs = Object.entries(fields) as [K, HtmlField | undefined][];
  return $(entrySelector)
    .toArray()
    .map((node, index) => {
      const entry = $(node);
      const values: Partial<Record<K, string>> = {};
      const lists: Partial<Record<K, string[]>> = {};
      for (const [key, spec] of specs) {
        if (spec === undefined) continue;
        if (typeof spec === 'string') {
          const text = clean(entry.find(spec).first().text());
          if (text !== undefined) values[key] = text;
        } else if ('all' in spec) {
          lists[key] = entry
            .find(spec.selector)
            .toArray()
            .flatMap((match) => clean($(match).text()) ?? []);
        } else {
          const target = spec.selector === undefined ? entry : entry.find(spec.selector).first();
          const text = clean(target.attr(spec.attribute));
          if (text !== undefined) values[key] = text;
        }
      }
      return { position: index + 1, values, lists };
    });
}

/** The absolute URL an attribute (e.g. the href of a "next page" link) points to, if present. */
export function linkOnPage(html: string, field: { selector: string; attribute: string }, pageUrl: string): string | undefined {
  const href = clean(loadHtml(html)(field.selector).first().attr(field.attribute));
  return href === undefined ? undefined : new URL(href, pageUrl).toString();
}

function clean(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** Text with HTML entities decoded and tags dropped, as WordPress JSON gives titles ("Door &#038; Voor"). */
export function htmlToText(html: string): string | undefined {
  if (!/[&<]/.test(html)) return clean(html);
  return clean(loadHtml(`<body>${html}</body>`)('body').text());
}
