/**
 * MIND-atlas: MIND's map of client and family organisations. Its category "zelfregie- en
 * herstelcentra" lists laagdrempelige steunpunten at location level (about 180 in 2024).
 * Site details live in mind-atlas.site.ts; personal data is dropped as personal-data.ts says.
 */
import type { SourceAdapter } from '../adapter.ts';
import { InventoryRecord } from '../schema.ts';
import { extractHtmlEntries, linkOnPage } from './html-list.ts';
import { compactExtra, type InventoryCandidate, REQUIRED_NAME, REQUIRED_PLACE, toInventoryRecords } from './inventory-records.ts';
import { type Chain, fetchChain, snapshotChain } from './link-chain.ts';
import { MIND_ATLAS_SITE as site } from './mind-atlas.site.ts';
import { organisationEmail, organisationPhone } from './personal-data.ts';
import { bodyText, SnapshotFiles, sourceError } from './source-io.ts';

const ID = 'mind-atlas';

const pages: Chain = {
  first: site.startUrl,
  next: (file) => linkOnPage(bodyText(file), site.nextPage, file.url),
  max: site.maxPages,
};

export const mindAtlas: SourceAdapter<typeof InventoryRecord> = {
  id: ID,
  title: 'MIND-atlas, categorie zelfregie- en herstelcentra',
  version: 1,
  recordSchema: InventoryRecord,

  fetch: (context) => fetchChain(context, ID, pages, 'text/html'),

  parse(snapshot) {
    const candidates: InventoryCandidate[] = [];
    const category = site.category.toLowerCase();
    for (const file of snapshotChain(new SnapshotFiles(ID, snapshot), pages)) {
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
    return toInventoryRecords(ID, `${site.startUrl} (categorie '${site.category}')`, candidates, [REQUIRED_NAME, REQUIRED_PLACE]);
  },
};
