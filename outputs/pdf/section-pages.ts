/**
 * The page each section of a printed report starts on, read from the PDF Chromium wrote: its
 * named destinations (one per heading id the contents link to) point at page objects, and the
 * page tree gives those pages their order. Only what Chromium's PDF 1.4 writes uncompressed.
 */
export function sectionPages(pdf: Uint8Array): Map<string, number> {
  const text = Buffer.from(pdf).toString('latin1');
  const nodes = new Map<string, string[]>();
  for (const [, id, kids] of text.matchAll(/(\d+) 0 obj\s*<<\/Type \/Pages[^>]*?\/Kids \[([^\]]*)\]/g)) {
    nodes.set(id!, [...kids!.matchAll(/(\d+) 0 R/g)].map((match) => match[1]!));
  }
  const root = /\/Type \/Catalog[^>]*?\/Pages (\d+) 0 R/.exec(text)?.[1];
  const order = new Map<string, number>();
  const walk = (id: string): void => {
    const kids = nodes.get(id);
    if (kids === undefined) order.set(id, order.size + 1);
    else kids.forEach(walk);
  };
  if (root !== undefined && nodes.has(root)) walk(root);
  const pages = new Map<string, number>();
  for (const [, name, page] of text.matchAll(/\/(sectie-\d+) \[(\d+) 0 R/g)) {
    const number = order.get(page!);
    if (number !== undefined) pages.set(name!, number);
  }
  return pages;
}
