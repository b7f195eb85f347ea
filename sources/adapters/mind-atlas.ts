/**
 * MIND-atlas: MIND's map of client and family organisations. Its category "zelfregie- en
 * herstelcentra" lists laagdrempelige steunpunten at location level (about 180 in 2024).
 * Site details live in mind-atlas.site.ts (the start URL is a setting); personal data is dropped
 * as personal-data.ts says.
 */
import type { WebAdapterOfKind } from '../adapter.ts';
import { InventoryRecord } from '../schema.ts';
import { extractHtmlEntries, linkOnPage } from './html-list.ts';
import { compactExtra, type InventoryCandidate, REQUIRED_NAME, REQUIRED_PLACE, toInventoryRecords } from './inventory-records.ts';
import { type Chain, fetchChain, snapshotChain } from './link-chain.ts';
import { MIND_ATLAS_SITE as site, MindAtlasSettings } from './mind-atlas.site.ts';
import { organisationEmail, organisationPhone } from './personal-data.ts';
import { bodyText, SnapshotFiles, snapshotSettings, sourceError } from './source-io.ts';

const ID = 'mind-atlas';

const pages = (startUrl: string): Chain => ({
  first: startUrl,
  next: (file) => linkOnPage(bodyText(file), site.nextPage, file.url),
  max: site.maxPages,
});

export const mindAtlas: WebAdapterOfKind<'web-snapshot', typeof MindAtlasSettings> = {
  id: ID,
  kind: 'web-snapshot',
  title: 'MIND-atlas, categorie zelfregie- en herstelcentra',
  origin: 'web',
  version: 1,
  recordSchema: InventoryRecord,
  settingsSchema: MindAtlasSettings,

  fetch: (context) => fetchChain(context, ID, pages(context.settings.startUrl), 'text/html'),

  parse(snapshot) {
    const { startUrl } = snapshotSettings(ID, MindAtlasSettings, snapshot);
    const candidates: InventoryCandidate[] = [];
    const category = site.category.toLowerCase();
    for (const file of snapshotChain(new SnapshotFiles(ID, snapshot), pages(startUrl))) {
      const entries = extractHtmlEntries(bodyText(file), site.entry, site.fields);
      if (entries.length === 0) throw sourceError(ID, `geen enkele locatie gevonden op ${file.url}; is de pagina veranderd?`);
      for (const { position, values, lists } of entries) {
        const categories = lists.categories ?? [];
        if (!categories.some((label) => label.toLowerCase() === category)) continue;
        candidates.push({
          file,
          position,
          input: {
            name: values.name,
            organisation: values.organisation,
            address: values.street,
            postcode: values.postcode,
            place: values.place,
            municipality: values.municipality,
            website: values.website,
            extra: compactExtra({
              bronId: values.id,
              categorie: categories.join('; '),
              email: organisationEmail(values.email),
              telefoon: organisationPhone(values.phone),
            }),
          },
        });
      }
    }
    return toInventoryRecords(ID, `${startUrl} (categorie '${site.category}')`, candidates, [REQUIRED_NAME, REQUIRED_PLACE]);
  },
};
