/**
 * The regions' site in a real browser (Debian's chromium driven by playwright-core), opened from
 * disk as a reader opens it: a click on a municipality lands on its region's page, a point shows
 * its steunpunt's name on hover, the search finds "Enik", and no page logs a console error.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../outputs/pdf/chromium.ts';
import { scratchDir } from '../helpers/cli.ts';
import { monitor2024 } from '../helpers/monitor-2024.ts';

const CHROMIUM = '/usr/bin/chromium';
// In CI a missing browser is a failure, not a skip.
const skip = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(skip)('the site of the 2024 monitor in a browser', () => {
  const scratch = scratchDir('lsp-monitor-site-');
  let site: string;
  let context: BrowserContext;
  /** The browser's start, closed after the tests even when the run failed first. */
  let launching: Promise<BrowserContext> | undefined;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    // The suite's one run of 2024, read only: a browser opens the site, it writes nothing there.
    // The browser starts while that run is awaited (or made, when this file is the first to ask).
    launching = chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1280, height: 900 },
    });
    const [{ run: result, reports }, browser] = await Promise.all([monitor2024(), launching]);
    context = browser;
    expect(result.code, result.stderr).toBe(0);
    site = join(reports, '2024', 'site');
  }, 180_000);

  afterAll(async () => {
    await (await launching?.catch(() => undefined))?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${path}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${path}: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file://')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(join(site, path)).href);
    return page;
  }

  it('clicking a municipality on the map lands on its IZA-region page', async () => {
    const page = await open('index.html');
    await page.locator('a.gm[data-name="Houten"]').click();
    await page.waitForURL(/iza-regio\/lekstroom\.html$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('IZA-regio Lekstroom');
    const names = await page.locator('table[data-sortable] tbody td:first-child').allTextContents();
    expect(names).toContain('Locatie Houten - Huis van Houten');
    await page.close();
  });

  it('hovering a point shows the name of its steunpunt', async () => {
    const page = await open('index.html');
    const point = page.locator('circle.pt:not(.many)').first();
    const label = (await point.getAttribute('aria-label')) ?? '';
    expect(label).toMatch(/^Steunpunt /);
    expect(await page.locator('#tip').isVisible()).toBe(false);
    await point.hover();
    await expect(page.locator('#tip').isVisible()).resolves.toBe(true);
    expect(await page.locator('#tip').textContent()).toContain(label.replace(/^Steunpunt /, ''));
    await page.mouse.move(0, 0);
    expect(await page.locator('#tip').isVisible()).toBe(false);
    // Keyboard users reach the same text by focusing the point.
    await point.focus();
    expect(await page.locator('#tip').textContent()).toContain(label.replace(/^Steunpunt /, ''));
    await page.close();
  });

  it('finds the steunpunten of Enik through the search box and shows one on the map', async () => {
    const page = await open('index.html');
    // From the keyboard: the skip link before the map leads to the search box.
    await page.locator('a.skip[href="#zoek"]').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Enik');
    const results = page.locator('#zoekresultaten button');
    await results.first().waitFor();
    const texts = await results.allTextContents();
    expect(texts.length).toBe(8);
    expect(texts).toContain('Enik Recovery College, Woerden');
    await results.filter({ hasText: 'Enik Recovery College, Woerden' }).click();
    await expect(page.locator('#tip').textContent()).resolves.toContain('Enik Recovery College');
    expect(await page.locator('circle.pt.hit').count()).toBe(1);
    await page.close();
  });

  it('switches the colouring, zooms with the buttons and sorts a table by keyboard', async () => {
    const page = await open('iza-regio/lekstroom.html');
    // The function runs in the page; the test's own types have no DOM library.
    type Window = { getComputedStyle(element: unknown): { fill: string } };
    const fill = () => page.locator('a.gm.in path').first().evaluate((path) => (globalThis as unknown as Window).getComputedStyle(path).fill);
    const byDistance = await fill();
    await page.locator('input[value="dekking"]').check();
    expect(await fill()).not.toBe(byDistance);
    const viewBox = await page.locator('svg.map').getAttribute('viewBox');
    await page.locator('[data-zoom="in"]').click();
    expect(await page.locator('svg.map').getAttribute('viewBox')).not.toBe(viewBox);
    const header = page.locator('table[data-sortable] th', { hasText: 'Gemeente' });
    await header.locator('button').focus();
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const municipalities = await page.locator('table[data-sortable] tbody td:nth-child(3)').allTextContents();
    expect(municipalities).toEqual([...municipalities].sort((a, b) => a.localeCompare(b, 'nl')));
    await page.keyboard.press('Enter');
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await page.close();
  });

  it('logged no console error and asked for nothing outside the site', async () => {
    const page = await open('provincie/utrecht.html');
    await page.close();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
