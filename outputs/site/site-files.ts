/** The site of a year (folder site/ of the report): the map page, a page per province and IZA-region, CSS and script. */
import type { StreamedFile, TextFile } from '../csv/exports.ts';
import type { ReportInput } from '../report-input.ts';
import { wholeText } from './chunks.ts';
import { mapModel } from './map-model.ts';
import { regionMembers, regionPage } from './region-page.ts';
import { siteCss } from './site-css.ts';
import { SITE_JS } from './site-js.ts';
import { SITE_FOLDER, uniqueSlugs } from './slug.ts';
import { startPage } from './start-page.ts';

/**
 * The site's files, each page made only when its `chunks` are read and written piece by piece: at
 * the scale of a province's sociale basis a page lists hundreds of thousands of steunpunten, and
 * the whole site would not fit in memory at once. The pages share the map model, made here.
 */
export function siteFileStreams(input: ReportInput): StreamedFile[] {
  const { data } = input;
  const model = mapModel(data);
  const slugs = { province: uniqueSlugs(data.provinces.map((row) => row.area_name)), region: uniqueSlugs(data.regions.map((row) => row.area_name)) };
  let members: ReturnType<typeof regionMembers> | undefined;
  const grouped = () => (members ??= regionMembers(input, model));
  return [
    { name: `${SITE_FOLDER}/index.html`, chunks: () => startPage(data, model, slugs) },
    { name: `${SITE_FOLDER}/site.css`, chunks: () => [siteCss(model)] },
    { name: `${SITE_FOLDER}/site.js`, chunks: () => [SITE_JS] },
    ...data.provinces.map((row) => ({
      name: `${SITE_FOLDER}/provincie/${slugs.province.get(row.area_name) ?? ''}.html`,
      chunks: () => regionPage(input, model, slugs, grouped(), { level: 'provincie', name: row.area_name }, row),
    })),
    ...data.regions.map((row) => ({
      name: `${SITE_FOLDER}/iza-regio/${slugs.region.get(row.area_name) ?? ''}.html`,
      chunks: () => regionPage(input, model, slugs, grouped(), { level: 'iza_regio', name: row.area_name }, row),
    })),
  ];
}

/** The same files with their whole text: a site of the real few hundred steunpunten, the tests. */
export function siteFiles(input: ReportInput): TextFile[] {
  return siteFileStreams(input).map((file) => ({ name: file.name, content: wholeText(file.chunks()) }));
}
