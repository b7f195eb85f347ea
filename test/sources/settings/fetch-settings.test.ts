import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MonitorError } from '../../../sources/errors.ts';
import { parseFetchSettings } from '../../../sources/settings/fetch-settings.ts';
import { readSettings, SETTINGS_FILES } from '../../../sources/settings/settings.ts';
import { userAgent } from '../../../sources/fetch/user-agent.ts';

const FETCH_SETTINGS_PATH = SETTINGS_FILES.fetch.path;
const readFetchSettings = (path: string, env: Record<string, string>) => readSettings('fetch', { path, env });

function settingsFile(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lsp-fetch-settings-')), 'fetch.settings.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

function thrown(work: () => unknown): MonitorError {
  try {
    work();
  } catch (error) {
    if (error instanceof MonitorError) return error;
    throw error;
  }
  throw new Error('expected a MonitorError');
}

describe('fetch settings', () => {
  it('fills in defaults around the contact address', () => {
    expect(parseFetchSettings({ userAgentContact: 'https://example.org/lsp-monitor' }, 'x.json')).toEqual({
      userAgentContact: 'https://example.org/lsp-monitor',
      timeoutMs: 30_000,
      retries: 3,
      maxBytes: 52_428_800,
      concurrencyPerHost: 2,
      minDelayMs: 1_000,
    });
  });

  it('takes the contact from LSP_MONITOR_CONTACT over the file', () => {
    const path = settingsFile({ userAgentContact: 'oud@example.org', retries: 1 });
    expect(readFetchSettings(path, { LSP_MONITOR_CONTACT: 'nieuw@example.org' })).toMatchObject({ userAgentContact: 'nieuw@example.org', retries: 1 });
  });

  it('refuses to go online without a contact address', () => {
    expect(thrown(() => readFetchSettings(FETCH_SETTINGS_PATH, {})).message).toBe(
      `bestand fetch.settings.json, veld 'userAgentContact': geen contactadres voor de User-Agent ingesteld: ` +
        `zet userAgentContact in ${FETCH_SETTINGS_PATH} of de omgevingsvariabele LSP_MONITOR_CONTACT`,
    );
  });

  it('names the field of a wrong value, and an unknown setting', () => {
    const tooMany = settingsFile({ userAgentContact: 'a@example.org', concurrencyPerHost: 5 });
    expect(thrown(() => readFetchSettings(tooMany, {})).message).toBe(
      "bestand fetch.settings.json, veld 'concurrencyPerHost': ongeldige fetch-instelling: mag hoogstens 4 zijn",
    );
    const typo = settingsFile({ userAgentContact: 'a@example.org', timeout: 5 });
    expect(thrown(() => readFetchSettings(typo, {})).message).toBe("bestand fetch.settings.json: onbekende sleutel 'timeout' (bedoelt u 'timeoutMs'?)");
    const far = settingsFile({ userAgentContact: 'a@example.org', kleur: 'rood' });
    expect(thrown(() => readFetchSettings(far, {})).message).toBe(
      "bestand fetch.settings.json: onbekende sleutel 'kleur' (bekend: userAgentContact, timeoutMs, retries, maxBytes, concurrencyPerHost, minDelayMs)",
    );
    expect(thrown(() => parseFetchSettings({ userAgentContact: 'niemand' }, 'x.json')).message).toBe(
      "bestand x.json, veld 'userAgentContact': ongeldige fetch-instelling: moet een e-mailadres of een http(s)-adres zijn waar de beheerder van deze monitor te bereiken is",
    );
  });

  it('reads a file saved with a byte order mark, and says in Dutch where it cannot be read', () => {
    const path = settingsFile({ userAgentContact: 'a@example.org', retries: 1 });
    writeFileSync(path, `\uFEFF${JSON.stringify({ userAgentContact: 'a@example.org', retries: 1 })}`);
    expect(readFetchSettings(path, {})).toMatchObject({ retries: 1 });
    expect(thrown(() => readFetchSettings('/bestaat/niet/fetch.settings.json', {})).message).toBe(
      'instellingenbestand /bestaat/niet/fetch.settings.json kan niet worden gelezen: die map of dat bestand bestaat niet',
    );
    writeFileSync(path, '{\n  "retries": 1,\n}');
    expect(thrown(() => readFetchSettings(path, {})).message).toBe(`instellingenbestand ${path} is geen geldige JSON (regel 3, kolom 1)`);
  });

  it('builds the User-Agent from the version and the contact', () => {
    expect(userAgent('monitor@example.org', '1.2.3')).toBe('lsp-monitor/1.2.3 (+monitor@example.org)');
    expect(userAgent('monitor@example.org')).toMatch(/^lsp-monitor\/\d+\.\d+\.\d+ \(\+monitor@example\.org\)$/);
  });
});
