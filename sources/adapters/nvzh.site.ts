/**
 * Everything site-specific of the NVZH member map (https://nvzh.nl): a WordPress store locator
 * (WP Store Locator's `store_search` endpoint, which answers a JSON array of stores) with the member
 * list page as fallback. The live site could not be inspected when this was written; the field
 * names are those WP Store Locator uses, the list selectors describe the shape of the test fixture.
 * When the site differs, change this object (and bump the adapter version), not the adapter.
 */
import { z } from 'zod';
import { HtmlField } from './html-list.ts';
import { expectedFields, type SiteCheck } from './site-check.ts';
import { checkedOnFirstRead } from './site-description.ts';

const NvzhSite = z.object({
  storeSearch: z.object({
    /** autoload=1 returns every store regardless of the search radius. */
    url: z.url(),
    /** Keys of a store object; NVZH uses the "state" box for the municipality. */
    fields: z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      address: z.string().min(1),
      address2: z.string().min(1).optional(),
      postcode: z.string().min(1),
      place: z.string().min(1),
      municipality: z.string().min(1).optional(),
      lat: z.string().min(1).optional(),
      lng: z.string().min(1).optional(),
      website: z.string().min(1).optional(),
      email: z.string().min(1).optional(),
      phone: z.string().min(1).optional(),
    }),
  }),
  memberList: z.object({
    url: z.url(),
    entry: z.string().min(1),
    fields: z.object({
      id: HtmlField.optional(),
      name: HtmlField,
      address: HtmlField.optional(),
      postcode: HtmlField.optional(),
      place: HtmlField.optional(),
      municipality: HtmlField.optional(),
      website: HtmlField.optional(),
      email: HtmlField.optional(),
      phone: HtmlField.optional(),
    }),
  }),
});
export type NvzhSite = z.infer<typeof NvzhSite>;

// Deliberately absent: the store "description" and "hours" (free text that names contact
// persons) and the member's contact person on the list page; see personal-data.ts.
export const NVZH_SITE: NvzhSite = checkedOnFirstRead(NvzhSite, {
  storeSearch: {
    url: 'https://nvzh.nl/wp-admin/admin-ajax.php?action=store_search&lat=52.1326&lng=5.2913&max_results=500&search_radius=500&autoload=1',
    fields: {
      id: 'id',
      name: 'store',
      address: 'address',
      address2: 'address2',
      postcode: 'zip',
      place: 'city',
      municipality: 'state',
      lat: 'lat',
      lng: 'lng',
      website: 'url',
      email: 'email',
      phone: 'phone',
    },
  },
  memberList: {
    url: 'https://nvzh.nl/leden/',
    entry: 'article.nvzh-lid',
    fields: {
      id: { attribute: 'data-lid' },
      name: '.nvzh-lid__naam',
      address: '.nvzh-lid__adres',
      postcode: '.nvzh-lid__postcode',
      place: '.nvzh-lid__plaats',
      municipality: '.nvzh-lid__gemeente',
      website: { selector: 'a.nvzh-lid__website', attribute: 'href' },
      email: { selector: 'a.nvzh-lid__email', attribute: 'href' },
      phone: { selector: 'a.nvzh-lid__telefoon', attribute: 'href' },
    },
  },
});

/**
 * The settings of this source (sources.settings.json): what a deployment may change without a new
 * adapter version. Defaults come from the description above.
 */
export const NvzhSettings = z
  .object({
    storeSearchUrl: z.url('moet een http(s)-adres zijn').default(() => NVZH_SITE.storeSearch.url),
    memberListUrl: z.url('moet een http(s)-adres zijn').default(() => NVZH_SITE.memberList.url),
  })
  .strict();
export type NvzhSettings = z.infer<typeof NvzhSettings>;

/**
 * What `lsp-monitor fetch --check --source nvzh` looks for: the keys of the store locator's JSON
 * objects, and the entries and fields of the member list page. Every one of them is an assumption
 * (the member list could not be seen), so this check is how staff find out what to change above.
 */
export const NVZH_CHECK: SiteCheck = {
  source: 'nvzh',
  description: 'sources/adapters/nvzh.site.ts',
  pages: (settings) => {
    const { storeSearchUrl, memberListUrl } = NvzhSettings.parse(settings);
    return [
      { kind: 'json', url: storeSearchUrl, keys: expectedFields(NVZH_SITE.storeSearch.fields, ['id', 'name', 'address', 'postcode', 'place']) },
      { kind: 'html', url: memberListUrl, entry: NVZH_SITE.memberList.entry, fields: expectedFields(NVZH_SITE.memberList.fields, ['name']) },
    ];
  },
};
