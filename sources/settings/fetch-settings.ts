/**
 * Fetch settings (`sources/fetch/fetch.settings.json`): how politely and how patiently
 * lsp-monitor talks to a source's server (sources/fetch/http-client.ts). The contact address for
 * the User-Agent can also come from the environment variable LSP_MONITOR_CONTACT, so a deployment
 * can set it without editing the file.
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { describeIssue } from '../describe-issues.ts';
import { MonitorError } from '../errors.ts';

export const CONTACT_ENV = 'LSP_MONITOR_CONTACT';

const integer = (min: number, max: number) =>
  z
    .number('moet een getal zijn')
    .int('moet een geheel getal zijn')
    .min(min, `moet minstens ${min} zijn`)
    .max(max, `mag hoogstens ${max} zijn`);

const contact = z
  .string('moet tekst zijn')
  .trim()
  .refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || /^https?:\/\/\S+$/.test(value), {
    message: 'moet een e-mailadres of een http(s)-adres zijn waar de beheerder van deze monitor te bereiken is',
  });

export const FetchSettings = z
  .object({
    /** Who to contact about our requests: put into the User-Agent as "(+<contact>)". */
    userAgentContact: contact,
    timeoutMs: integer(1, 600_000).default(30_000),
    /** Retries after the first attempt, for network errors, 429 and 5xx. */
    retries: integer(0, 10).default(3),
    maxBytes: integer(1, 1024 * 1024 * 1024).default(50 * 1024 * 1024),
    concurrencyPerHost: integer(1, 4).default(2),
    /** Minimum time between the starts of two requests to one host. */
    minDelayMs: integer(0, 60_000).default(1_000),
  })
  .strict();
export type FetchSettings = z.infer<typeof FetchSettings>;

/** Validates settings read from the file `origin` (named in the message). */
export function parseFetchSettings(input: unknown, origin: string): FetchSettings {
  const file = basename(origin);
  const result = FetchSettings.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const message =
    issue?.code === 'unrecognized_keys'
      ? describeIssue(issue, input, FetchSettings)
      : field === 'userAgentContact' && issue?.code === 'invalid_type'
        ? `geen contactadres voor de User-Agent ingesteld: zet userAgentContact in ${origin} of de omgevingsvariabele ${CONTACT_ENV}`
        : `ongeldige fetch-instelling: ${issue?.message ?? 'onbekende fout'}`;
  throw new MonitorError(message, { location: field === '' ? { file } : { file, field } });
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** The settings as read from the file at `path`; a non-empty LSP_MONITOR_CONTACT overrides its userAgentContact. */
export function fetchSettingsFrom(raw: unknown, path: string, env: Environment = process.env): FetchSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new MonitorError('fetch-instellingen moeten een JSON-object zijn', { location: { file: basename(path) } });
  }
  const fromEnv = env[CONTACT_ENV]?.trim();
  return parseFetchSettings(fromEnv ? { ...raw, userAgentContact: fromEnv } : raw, path);
}
