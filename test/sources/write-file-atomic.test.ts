import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../sources/sha256.ts';
import { writeFileAtomic } from '../../sources/write-file-atomic.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'lsp-atomic-'));

describe('writeFileAtomic, the one file writer', () => {
  it('creates missing folders and replaces an existing file whole', async () => {
    const folder = scratch();
    const path = join(folder, 'a', 'b', 'overzicht.csv');
    await writeFileAtomic(path, 'oud');
    const before = statSync(path).ino;
    await writeFileAtomic(path, new TextEncoder().encode('nieuw'));
    // A new file renamed into place, not the old one overwritten where a reader could see half of it.
    expect(statSync(path).ino).not.toBe(before);
    expect(readFileSync(path, 'utf8')).toBe('nieuw');
    expect(readdirSync(join(folder, 'a', 'b'))).toEqual(['overzicht.csv']);
  });

  it('leaves the target and no temporary file behind when the rename fails', async () => {
    const folder = scratch();
    const target = join(folder, 'map');
    mkdirSync(target);
    writeFileSync(join(target, 'binnen.txt'), 'blijft');
    await expect(writeFileAtomic(target, 'x')).rejects.toMatchObject({ code: expect.stringMatching(/^E(ISDIR|NOTEMPTY|EXIST)$/) });
    expect(readdirSync(folder)).toEqual(['map']);
    expect(readFileSync(join(target, 'binnen.txt'), 'utf8')).toBe('blijft');
  });
});

describe('sha256Hex, the one hash', () => {
  const independent = (text: string) => createHash('sha256').update(text).digest('hex');

  it('hashes text and bytes alike, and parts as if concatenated', () => {
    expect(sha256Hex('steunpunt')).toBe(independent('steunpunt'));
    expect(sha256Hex(new TextEncoder().encode('steunpunt'))).toBe(independent('steunpunt'));
    expect(sha256Hex('steun', new TextEncoder().encode('punt'))).toBe(independent('steunpunt'));
    expect(sha256Hex()).toBe(independent(''));
  });
});
