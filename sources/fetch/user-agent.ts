/** The identifying User-Agent every request carries: "lsp-monitor/<version> (+<contact>)". */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJson = z.object({ version: z.string().min(1) });

let cachedVersion: string | undefined;

/** The version in lsp-monitor's package.json. */
export function packageVersion(): string {
  cachedVersion ??= PackageJson.parse(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))).version;
  return cachedVersion;
}

export function userAgent(contact: string, version: string = packageVersion()): string {
  return `lsp-monitor/${version} (+${contact})`;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'lsp-monitor';
