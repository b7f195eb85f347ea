/**
 * Every number a person reads in monitor.md must be one the exports hold (or a parameter of the
 * method), so no number in the report is typed by hand or computed twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../pipeline/config/config.ts';
import { readCsv } from './csv.ts';

const NUMBER = /(?<![\p{L}\p{N}_.,-])[−+]?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\p{L}\p{N}_])%?/gu;

function dutch(value: number, decimals: number): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

function spellings(value: number): string[] {
  return [0, 1, 2].flatMap((decimals) => {
    const text = dutch(value, decimals);
    return [text, `${text}%`];
  });
}

export function allowedNumbers(reportDir: string, extra: readonly number[] = []): Set<string> {
  const allowed = new Set<string>();
  const config = loadConfig();
  const parameters = [
    ...config.participationPct, config.capacityPerWeek, ...Object.values(config.weights),
    ...config.distance.thresholdsKm, config.distance.whiteSpotKm, 2.5, 25, 2019, 2024, ...extra,
  ];
  for (const value of parameters) for (const text of spellings(value)) allowed.add(text);
  for (const name of readdirSync(reportDir).filter((file) => file.endsWith('.csv'))) {
    for (const row of readCsv(join(reportDir, name))) {
      for (const cell of Object.values(row)) {
        const number = Number(cell);
        if (cell !== '' && Number.isFinite(number)) for (const text of spellings(Math.abs(number))) allowed.add(text);
        for (const match of cell.matchAll(/\d+/g)) allowed.add(match[0]);
      }
    }
  }
  return allowed;
}

/** The numbers in monitor.md that no export or parameter accounts for. */
export function numbersNotInExports(reportDir: string, extra: readonly number[] = []): string[] {
  const allowed = allowedNumbers(reportDir, extra);
  const markdown = readFileSync(join(reportDir, 'monitor.md'), 'utf8')
    .replace(/\]\([^)]*\)/g, ']') // figure paths
    .replace(/\b[0-9a-f]{12}\b/g, ''); // sha256 prefixes
  return [...markdown.matchAll(NUMBER)]
    .map((match) => match[0].replace(/^[−+]/, ''))
    .filter((number) => !allowed.has(number));
}
