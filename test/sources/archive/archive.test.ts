/** The snapshot archive on disk: content-addressed bodies, manifests, verification, good and rejected snapshots. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionFor } from '../../../sources/archive/layout.ts';
import { Manifest } from '../../../sources/archive/manifest.ts';
import { toRawFile } from '../../../sources/archive/raw-file.ts';
import { latestGoodSnapshot, listSnapshots, readSnapshot } from '../../../sources/archive/read-snapshot.ts';
import { writeVerdict } from '../../../sources/archive/verdict.ts';
import { writeSnapshot, type FetchedFile } from '../../../sources/archive/write-snapshot.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { scratch } from './helpers.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const html = (url: string, text: string): FetchedFile => ({ url, status: 200, contentType: 'text/html; charset=utf-8', bytes: encode(text) });
const at = (iso: string) => new Date(iso);
const verdict = { parsedAt: '2025-03-03T03:00:01.000Z', adapterVersion: 1 };

async function rejection(promise: Promise<unknown>): Promise<MonitorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(error)}`);
  return error;
}

describe('writeSnapshot / readSnapshot', () => {
  it('stores bodies under their sha256 with an extension from the content type, never from the URL', async () => {
    const archive = scratch();
    const body = encode('<ul id="steunpunten"><li>De Kroon</li></ul>');
    const { info, newBodies } = await writeSnapshot(archive, {
      source: 'testbron',
      adapterVersion: 1,
      fetchedAt: at('2025-03-03T03:00:00.000Z'),
      files: [{ url: 'https://example.org/lijst.php?id=../../etc', status: 200, contentType: 'text/html; charset=utf-8', bytes: body }],
    });

    expect(basename(info.dir)).toBe('2025-03-03T03-00-00-000Z');
    expect(newBodies).toBe(1);
    const manifest = Manifest.parse(JSON.parse(readFileSync(join(info.dir, 'manifest.json'), 'utf8')));
    expect(manifest).toEqual({
      source: 'testbron',
      adapterVersion: 1,
      fetchedAt: '2025-03-03T03:00:00.000Z',
      files: [
        {
          url: 'https://example.org/lijst.php?id=../../etc',
          status: 200,
          contentType: 'text/html; charset=utf-8',
          bytes: body.byteLength,
          sha256: sha256(body),
          name: `${sha256(body)}.html`,
        },
      ],
    });
    // The manifest's sha256 is the stored body's.
    const stored = readFileSync(join(archive, 'testbron', 'bodies', `${sha256(body)}.html`));
    expect(sha256(stored)).toBe(manifest.files[0]?.sha256);
    expect(readdirSync(info.dir)).toEqual(['manifest.json']);

    const snapshot = await readSnapshot(info.dir);
    expect(snapshot.files[0]?.bytes).toEqual(body);
    expect(snapshot).toMatchObject({ source: 'testbron', adapterVersion: 1, fetchedAt: '2025-03-03T03:00:00.000Z' });
  });

  it('stores identical content once: a second snapshot refers to the earlier body', async () => {
    const archive = scratch();
    const files = [html('https://example.org/a', 'zelfde'), html('https://example.org/b', 'zelfde')];
    const first = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), files });
    const second = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-10T03:00:00Z'), files });

    expect(first.newBodies).toBe(1);
    expect(second.newBodies).toBe(0);
    expect(readdirSync(join(archive, 's', 'bodies'))).toEqual([`${sha256(encode('zelfde'))}.html`]);
    expect(second.info.files.map((file) => file.name)).toEqual(first.info.files.map((file) => file.name));
  });

  it('gives two snapshots of the same millisecond each their own folder', async () => {
    const archive = scratch();
    const moment = at('2025-03-03T03:00:00Z');
    const a = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: moment, files: [html('u', 'a')] });
    const b = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: moment, files: [html('u', 'b')] });
    expect([basename(a.info.dir), basename(b.info.dir)]).toEqual(['2025-03-03T03-00-00-000Z', '2025-03-03T03-00-00-000Z-1']);
    expect(readdirSync(join(archive, 's')).filter((name) => name.startsWith('.tmp-'))).toEqual([]);
  });

  it('refuses a body whose content no longer matches its sha256', async () => {
    const archive = scratch();
    const { info } = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), files: [html('u', 'echt')] });
    const name = info.files[0]?.name ?? '';
    writeFileSync(join(archive, 's', 'bodies', name), 'vervalst');

    const error = await rejection(readSnapshot(info.dir));
    expect(error.message).toBe(
      `momentopname s/2025-03-03T03-00-00-000Z: bestand ${name} is beschadigd: sha256 ${sha256(encode('vervalst'))}, volgens manifest.json ${sha256(encode('echt'))}`,
    );
  });

  it.each([['../../geheim.html'], ['sub/x.html']])('refuses a manifest file name %s', async (name) => {
    const archive = scratch();
    const { info } = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), files: [html('u', 'x')] });
    const manifestPath = join(info.dir, 'manifest.json');
    const manifest = Manifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, files: manifest.files.map((file) => ({ ...file, name })) }));

    const error = await rejection(readSnapshot(info.dir));
    expect(error.message).toBe(
      `momentopname s/2025-03-03T03-00-00-000Z: bestandsnaam '${name}' in manifest.json is ongeldig (een naam mag geen '/' of '..' bevatten)`,
    );
  });

  it('records the settings a fetch ran with in the manifest, and gives them back with the snapshot; none when empty', async () => {
    const archive = scratch();
    const settings = { url: 'https://example.org/epa.csv', years: [2024, 2025] };
    const withSettings = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), settings, files: [html('u', 'a')] });
    const without = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-04T03:00:00Z'), settings: {}, files: [html('u', 'b')] });

    expect(Manifest.parse(JSON.parse(readFileSync(join(withSettings.info.dir, 'manifest.json'), 'utf8'))).settings).toEqual(settings);
    expect((await readSnapshot(withSettings.info.dir)).settings).toEqual(settings);
    expect(JSON.parse(readFileSync(join(without.info.dir, 'manifest.json'), 'utf8'))).not.toHaveProperty('settings');
    expect(await readSnapshot(without.info.dir)).not.toHaveProperty('settings');
  });

  it('names a file the way it names a stored body (toRawFile)', async () => {
    const archive = scratch();
    const fetched = html('https://example.org/a', 'inhoud');
    const { info } = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), files: [fetched] });
    const raw = toRawFile(fetched);
    expect(raw).toEqual({ ...fetched, sha256: sha256(fetched.bytes), name: `${sha256(fetched.bytes)}.html` });
    expect(raw.name).toBe(info.files[0]?.name);
  });

  it('refuses a source name that is no safe folder name', async () => {
    const error = await rejection(writeSnapshot(scratch(), { source: '../elders', adapterVersion: 1, fetchedAt: new Date(), files: [] }));
    expect(error.message).toBe("bronnaam '../elders' mag alleen kleine letters, cijfers en '-' bevatten");
  });
});

describe('listSnapshots / latestGoodSnapshot', () => {
  it('uses only snapshots marked good, the newest of them', async () => {
    const archive = scratch();
    const write = (iso: string, text: string) =>
      writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at(iso), files: [html('u', text)] });
    const oldGood = await write('2025-01-01T03:00:00Z', 'een');
    const good = await write('2025-02-01T03:00:00Z', 'twee');
    const rejected = await write('2025-03-01T03:00:00Z', 'kapot');
    await write('2025-04-01T03:00:00Z', 'onderbroken');
    await writeVerdict(oldGood.info.dir, { good: true, ...verdict, records: 1, rejects: 0 });
    await writeVerdict(good.info.dir, { good: true, ...verdict, records: 2, rejects: 0 });
    await writeVerdict(rejected.info.dir, { good: false, ...verdict, reason: 'opbouw veranderd' });
    mkdirSync(join(archive, 's', '.tmp-half'));

    const list = await listSnapshots(archive, 's');
    expect(list.map((snapshot) => [basename(snapshot.dir), snapshot.status])).toEqual([
      ['2025-01-01T03-00-00-000Z', 'good'],
      ['2025-02-01T03-00-00-000Z', 'good'],
      ['2025-03-01T03-00-00-000Z', 'rejected'],
      ['2025-04-01T03-00-00-000Z', 'unparsed'],
    ]);
    expect((await latestGoodSnapshot(archive, 's'))?.dir).toBe(good.info.dir);
  });

  it('has no snapshots for a source never fetched', async () => {
    expect(await listSnapshots(scratch(), 'nooit')).toEqual([]);
    expect(await latestGoodSnapshot(scratch(), 'nooit')).toBeUndefined();
  });

  it('marks a snapshot with an unreadable manifest as damaged, never good', async () => {
    const archive = scratch();
    const { info } = await writeSnapshot(archive, { source: 's', adapterVersion: 1, fetchedAt: at('2025-03-03T03:00:00Z'), files: [html('u', 'x')] });
    await writeVerdict(info.dir, { good: true, ...verdict, records: 1, rejects: 0 });
    writeFileSync(join(info.dir, 'manifest.json'), '{ kapot');
    const [snapshot] = await listSnapshots(archive, 's');
    expect(snapshot?.status).toBe('damaged');
    expect(await latestGoodSnapshot(archive, 's')).toBeUndefined();
    expect(existsSync(info.dir)).toBe(true);
  });
});

describe('extensionFor', () => {
  it.each([
    ['text/html; charset=utf-8', 'html'],
    ['application/json', 'json'],
    ['application/ld+json', 'json'],
    ['TEXT/CSV', 'csv'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['application/x-onbekend', 'bin'],
    ['', 'bin'],
  ])('%s → %s', (contentType, extension) => {
    expect(extensionFor(contentType)).toBe(extension);
  });
});
