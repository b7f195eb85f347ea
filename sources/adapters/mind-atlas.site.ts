/**
 * Everything site-specific of the MIND-atlas (https://wijzijnmind.nl/mind-atlas): URLs, CSS
 * selectors, the category. The live site could not be inspected when this was written; the
 * selectors describe the shape the bundled snapshot was recorded in. When the site differs,
 * change this object (and bump the adapter version), not the adapter.
 */
import { z } from 'zod';
import { HtmlField, HtmlListField } from './html-list.ts';
import { expectedFields, type SiteCheck } from './site-check.ts';
import { checkedOnFirstRead } from './site-description.ts';

const MindAtlasSite = z.object({
  /** Page 1 of the atlas list, filtered on the category of the steunpunten. */
  startUrl: z.url(),
  /** The link to the next page of results; absent on the last page. */
  nextPage: z.object({ selector: z.string().min(1), attribute: z.string().min(1) }),
  /** More pages than this means the pagination is broken (a loop), not that the atlas grew. */
  maxPages: z.number().int().positive(),
  /** The atlas category of laagdrempelige steunpunten; entries without it are other organisations and are skipped. */
  category: z.string().min(1),
  /** One location in the list. */
  entry: z.string().min(1),
  fields: z.object({
    /** The atlas's own id of the location. */
    id: HtmlField,
    name: HtmlField,
    organisation: HtmlField.optional(),
    street: HtmlField.optional(),
    postcode: HtmlField.optional(),
    place: HtmlField.optional(),
    municipality: HtmlField.optional(),
    website: HtmlField.optional(),
    email: HtmlField.optional(),
    phone: HtmlField.optional(),
    /** Category labels: an entry can have several. */
    categories: HtmlListField,
  }),
});
export type MindAtlasSite = z.infer<typeof MindAtlasSite>;

// Deliberately absent: the contact person (".atlas-result__contact") and the free-text
// description; see personal-data.ts.
export const MIND_ATLAS_SITE: MindAtlasSite = checkedOnFirstRead(MindAtlasSite, {
  startUrl: 'https://wijzijnmind.nl/mind-atlas?categorie=zelfregie-en-herstelcentra',
  nextPage: { selector: 'nav.atlas-pagination a[rel="next"]', attribute: 'href' },
  maxPages: 100,
  category: 'Zelfregie- en herstelcentra',
  entry: 'li.atlas-result',
  fields: {
    id: { attribute: 'data-atlas-id' },
    name: '.atlas-result__name',
    organisation: '.atlas-result__organisation',
    street: '.atlas-result__street',
    postcode: '.atlas-result__postcode',
    place: '.atlas-result__place',
    municipality: '.atlas-result__municipality',
    website: { selector: 'a.atlas-result__website', attribute: 'href' },
    email: { selector: 'a.atlas-result__email', attribute: 'href' },
    phone: { selector: 'a.atlas-result__phone', attribute: 'href' },
    categories: { selector: '.atlas-result__categories li', all: true },
  },
});

/**
 * The settings of this source (sources.settings.json): what a deployment may change without a new
 * adapter version. Defaults come from the description above.
 */
export const MindAtlasSettings = z
  .object({
    startUrl: z.url('moet een http(s)-adres zijn').default(() => MIND_ATLAS_SITE.startUrl),
  })
  .strict();
export type MindAtlasSettings = z.infer<typeof MindAtlasSettings>;

/**
 * What `lsp-monitor fetch --check --source mind-atlas` looks for on the first page: the entries,
 * each field of an entry, and the link to the next page. The live shape is unknown, so this check
 * is how staff find out which selectors above need changing.
 */
export const MIND_ATLAS_CHECK: SiteCheck = {
  source: 'mind-atlas',
  description: 'sources/adapters/mind-atlas.site.ts',
  pages: (settings) => [
    {
      kind: 'html',
      url: MindAtlasSettings.parse(settings).startUrl,
      entry: MIND_ATLAS_SITE.entry,
      fields: expectedFields(MIND_ATLAS_SITE.fields, ['id', 'name', 'categories']),
      page: [{ label: 'volgende pagina', spec: MIND_ATLAS_SITE.nextPage.selector, required: false }],
    },
  ],
};
