/** HTML text escaping and the page frame shared by every page of the site. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON inside a <script> element: "<" escaped so no text in the data can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface PageFrame {
  title: string;
  /** "" for the start page, "../" for a page one folder down. */
  root: string;
  body: string;
}

export function pageHtml({ title, root, body }: PageFrame): string {
  return [
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
  ].join('\n');
}
