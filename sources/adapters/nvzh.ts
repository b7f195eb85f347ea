/**
 * NVZH (Nederlandse Vereniging voor Zelfregie en Herstel): the member map. About 130 entries,
 * mostly organisations; an organisation with several locations often appears once, with its main
 * place. Read from the store locator's JSON; when that is unusable, fetch reads the member list page
 * instead and the snapshot holds that page. Site details live in nvzh.site.ts (the two URLs are
 * settings); personal data is dropped as personal-data.ts says.
 */
import { z } from 'zod';
import type { FetchContext, ParseResult, WebAdapterOfKind } from '../adapter.ts';
import { InventoryRecord } from '../schema.ts';
import { extractHtmlEntries, htmlToText } from './html-list.ts';
import { compactExtra, type InventoryCandidate, REQUIRED_NAME, REQUIRED_PLACE, toInventoryRecords } from './inventory-records.ts';
import { NVZH_SITE as site, NvzhSettings } from './nvzh.site.ts';
import { organisationEmail, organisationPhone } from './personal-data.ts';
import { bodyJson, type FetchedFile, fetchOk, SnapshotFiles, snapshotSettings, sourceError } from './source-io.ts';

const ID = 'nvzh';

const StoreList = z.array(z.record(z.string(), z.unknown()));
type Store = z.infer<typeof StoreList>[number];

export const nvzh: WebAdapterOfKind<'web-snapshot', typeof NvzhSettings> = {
  id: ID,
  kind: 'web-snapshot',
  title: 'NVZH, ledenkaart zelfregie- en herstelorganisaties',
  origin: 'web',
  version: 1,
  recordSchema: InventoryRecord,
  settingsSchema: NvzhSettings,

  async fetch(context) {
    const stores = await fetchStoreSearch(context);
    return [stores ?? (await fetchOk(context, ID, context.settings.memberListUrl, 'text/html'))];
  },

  parse(snapshot) {
    const { storeSearchUrl, memberListUrl } = snapshotSettings(ID, NvzhSettings, snapshot);
    const files = new SnapshotFiles(ID, snapshot);
    if (files.has(storeSearchUrl)) return parseStores(files, storeSearchUrl);
    if (files.has(memberListUrl)) return parseMemberList(files, memberListUrl);
    throw sourceError(ID, `de snapshot bevat noch ${storeSearchUrl} noch ${memberListUrl}`);
  },
};

/** The store locator's answer when it is a non-empty list of stores; else undefined (logged), and fetch falls back. */
async function fetchStoreSearch(context: FetchContext<NvzhSettings>): Promise<FetchedFile | undefined> {
  const fallback = (reason: string) => {
    context.log(`${ID}: store locator onbruikbaar (${reason}); de ledenlijst ${context.settings.memberListUrl} wordt gelezen`);
    return undefined;
  };
  try {
    const file = await fetchOk(context, ID, context.settings.storeSearchUrl, 'application/json');
    const stores = bodyJson(ID, file, StoreList);
    return stores.length > 0 ? file : fallback('lege lijst');
  } catch (error) {
    return fallback(error instanceof Error ? error.message : String(error));
  }
}

function parseStores(files: SnapshotFiles, url: string): ParseResult<InventoryRecord> {
  const { file, data } = files.json(url, StoreList);
  const keys = site.storeSearch.fields;
  const candidates = data.map((store, index): InventoryCandidate => {
    const value = (key: string | undefined) => storeText(store, key);
    const address = [value(keys.address), value(keys.address2)].filter((part) => part !== undefined).join(', ');
    return {
      file,
      position: index + 1,
      input: {
        name: value(keys.name),
        address,
        postcode: value(keys.postcode),
        place: value(keys.place),
        municipality: value(keys.municipality),
        website: value(keys.website),
        extra: compactExtra({
          bronId: value(keys.id),
          lat: value(keys.lat),
          lng: value(keys.lng),
          email: organisationEmail(value(keys.email)),
          telefoon: organisationPhone(value(keys.phone)),
        }),
      },
    };
  });
  return toInventoryRecords(ID, url, candidates, [REQUIRED_NAME, REQUIRED_PLACE]);
}

function storeText(store: Store, key: string | undefined): string | undefined {
  const value = key === undefined ? undefined : store[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? htmlToText(value) : undefined;
}

function parseMemberList(files: SnapshotFiles, url: string): ParseResult<InventoryRecord> {
  const { file, text } = files.text(url);
  const candidates = extractHtmlEntries(text, site.memberList.entry, site.memberList.fields).map(
    ({ position, values }): InventoryCandidate => ({
      file,
      position,
      input: {
        name: values.name,
        address: values.address,
        postcode: values.postcode,
        place: values.place,
        municipality: values.municipality,
        website: values.website,
        extra: compactExtra({
          bronId: values.id,
          email: organisationEmail(values.email),
          telefoon: organisationPhone(values.phone),
        }),
      },
    }),
  );
  return toInventoryRecords(ID, url, candidates, [REQUIRED_NAME, REQUIRED_PLACE]);
}
