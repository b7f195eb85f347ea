/** The site's file names: its folder in the report, and its pages. */

export const SITE_FOLDER = 'site';

/** Whether a path in the report folder is the site's own (a page of an earlier report included). */
export function ownedBySite(name: string): boolean {
  return /^site(\/(provincie|iza-regio))?$/.test(name) || /^site\/((provincie|iza-regio)\/)?[a-z0-9-]+\.(html|css|js)$/.test(name);
}

/** File names of region pages: "Utrecht / Utrecht" → "utrecht-utrecht", "Fryslân" → "fryslan". */
export function slug(name: string): string {
  const text = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (text === '') throw new Error(`no file name can be made from the region name "${name}"`);
  return text;
}

/** Slugs of all names, refusing two regions that would share one page. */
export function uniqueSlugs(names: readonly string[]): Map<string, string> {
  const byName = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const name of names) {
    const value = slug(name);
    const other = seen.get(value);
    if (other !== undefined && other !== name) throw new Error(`regions "${other}" and "${name}" would share the page ${value}.html`);
    seen.set(value, name);
    byName.set(name, value);
  }
  return byName;
}
