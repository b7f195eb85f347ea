/** The site of a year (folder site/ of the report): the map page, a page per province and IZA-region, CSS and script. */
import type { ExportFile } from '../csv/exports.ts';
import type { ReportInput } from '../report-input.ts';
import { mapModel } from './map-model.ts';
import { regionPage } from './region-page.ts';
import { siteCss } from './site-css.ts';
import { SITE_JS } from './site-js.ts';
import { SITE_FOLDER, uniqueSlugs } from './slug.ts';
import { startPage } from './start-page.ts';


export function siteFiles(input: ReportInput): ExportFile[] {
  const { data } = input;
  const model = mapModel(data);
  const slugs = { province: uniqueSlugs(data.provinces.map((row) => row.area_name)), region: uniqueSlugs(data.regions.map((row) => row.area_name)) };
  return [
    { name: `${SITE_FOLDER}/index.html`, content: startPage(data, model, slugs) },
    { name: `${SITE_FOLDER}/site.css`, content: siteCss(model) },
    { name: `${SITE_FOLDER}/site.js`, content: SITE_JS },
    ...data.provinces.map((row) => ({
      name: `${SITE_FOLDER}/provincie/${slugs.province.get(row.area_name) ?? ''}.html`,
      content: regionPage(input, model, slugs, { level: 'provincie', name: row.area_name }, row),
    })),
    ...data.regions.map((row) => ({
      name: `${SITE_FOLDER}/iza-regio/${slugs.region.get(row.area_name) ?? ''}.html`,
      content: regionPage(input, model, slugs, { level: 'iza_regio', name: row.area_name }, row),
    })),
  ];
}
