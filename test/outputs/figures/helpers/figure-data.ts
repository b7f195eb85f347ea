/**
 * Realistic figure input from the bundled 2024 monitor and the CBS reference files: the 12
 * provinces of reports/2024/provincies.csv, and a distance per GM code from each municipality's
 * centroid to the nearest municipality with a steunpunt in 2024 (0 km where it has one itself).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CoverageMapInput, LonLat, ProvinceChange, ProvinceTarget } from '../../../../outputs/figures/types.ts';
import { readCsv } from '../../../helpers/csv.ts';

const repo = (relative: string) => fileURLToPath(new URL(`../../../../${relative}`, import.meta.url));

const provinceRows = readCsv(repo('reports/2024/provincies.csv'));

export function provinceTargets2024(): ProvinceTarget[] {
  return provinceRows.map((row) => ({
    province: text(row.provincie),
    weighted: Number(row.gewogen),
    desired: { 15: Number(row.gewenst_15), 30: Number(row.gewenst_30), 45: Number(row.gewenst_45) },
  }));
}

/** 2024 counts in view, and a made-up 2025 with increases, decreases, no change and a half. */
export function provinceChanges(): ProvinceChange[] {
  const shifts = [2, 3, 0, -1, 1, 5, -2, 8, 4, 0, -3, 1.5];
  return provinceRows.map((row, index) => ({
    province: text(row.provincie),
    previous: Number(row.in_beeld),
    current: Number(row.in_beeld) + (shifts[index] ?? 0),
  }));
}

export function distanceMapInput(): Pick<CoverageMapInput, 'values' | 'provinceOf' | 'points'> {
  const centroids = readCsv(repo('sources/reference/cbs/municipality_centroids.csv')).map((row) => ({
    code: text(row.gm_code),
    point: { lon: Number(row.lon), lat: Number(row.lat) },
  }));
  const withSteunpunt = new Set(
    readCsv(repo('reports/2024/gemeenten.csv'))
      .filter((row) => Number(row.in_beeld) > 0)
      .map((row) => text(row.gemeentecode)),
  );
  const points = centroids.filter(({ code }) => withSteunpunt.has(code)).map(({ point }) => point);
  const values = Object.fromEntries(
    centroids.map(({ code, point }) => [code, Math.min(...points.map((other) => kilometres(point, other)))]),
  );
  const provinceOf = Object.fromEntries(
    readCsv(repo('sources/reference/cbs/municipalities_2025.csv')).map((row) => [text(row.gm_code), text(row.province)]),
  );
  return { values, provinceOf, points };
}

/** Where the tests leave every PNG, to be looked at. */
export function writeReviewPng(name: string, png: Uint8Array): string {
  const directory = join(tmpdir(), 'lsp-monitor-figures');
  mkdirSync(directory, { recursive: true });
  const path = join(directory, `${name}.png`);
  writeFileSync(path, png);
  return path;
}

function kilometres(a: LonLat, b: LonLat): number {
  const radians = Math.PI / 180;
  const dLat = (b.lat - a.lat) * radians;
  const dLon = (b.lon - a.lon) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * radians) * Math.cos(b.lat * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

function text(value: string | undefined): string {
  if (value === undefined || value === '') throw new Error('empty cell in figure test data');
  return value;
}
