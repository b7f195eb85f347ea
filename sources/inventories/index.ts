/**
 * Inventories bundled with lsp-monitor: `lsp-monitor run` imports each of them, through the same
 * path as `lsp-monitor import`, so the published monitor can be rebuilt with no network.
 */
import { fileURLToPath } from 'node:url';

export interface BundledInventory {
  year: number;
  source: string;
  title: string;
  path: string;
}

export const BUNDLED_INVENTORIES: readonly BundledInventory[] = [
  {
    year: 2024,
    source: 'galan2024',
    title: 'De Galan Groep (2024), Bijlage 1: totaaloverzicht laagdrempelige steunpunten (oktober 2024)',
    path: fileURLToPath(new URL('./galan2024/locations.csv', import.meta.url)),
  },
];

export function bundledYears(): number[] {
  return [...new Set(BUNDLED_INVENTORIES.map((inventory) => inventory.year))].sort();
}
