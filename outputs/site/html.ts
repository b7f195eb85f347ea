/** HTML text escaping and the page frame shared by every page of the site. */
import { joined, type Chunks, type Item } from './chunks.ts';

/** One pass, and none for a text with nothing to escape (most names): the site escapes every steunpunt's texts on several maps. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (special) => HTML_ENTITIES[special] ?? special) : text;
}

const HTML_SPECIAL = /[&<>"]/;
const HTML_SPECIALS = /[&<>"]/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** JSON inside a <script> element: "<" escaped so no text in the data can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** `scriptJson` of an array of objects, made element by element: the same text as of the whole array. */
export function* scriptJsonArray(elements: Iterable<object>): Generator<string> {
  yield '[';
  let first = true;
  for (const element of elements) {
    yield first ? scriptJson(element) : `,${scriptJson(element)}`;
    first = false;
  }
  yield ']';
}

export interface PageFrame {
  title: string;
  /** "" for the start page, "../" for a page one folder down. */
  root: string;
  body: Item;
}

export function pageHtml({ title, root, body }: PageFrame): Chunks {
  return joined([
    '<!DOCTYPE html>',
    '<html lang="nl">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="stylesheet" href="${root}site.css">`,
    '</head>',
    '<body>',
    '<a class="skip" href="#inhoud">Direct naar de inhoud</a>',
    body,
    `<script src="${root}site.js"></script>`,
    '</body>',
    '</html>',
    '',
  ]);
}
