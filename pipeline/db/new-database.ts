/**
 * A new database file starts as a copy of the template the build left in dist/ (made by
 * new-database-template.ts): every migration applied, the bundled reference data copied in and
 * checkpointed. Creating that in place cost a new --db about 0.2 s of CPU (the migrations, the
 * reference tables' 12 MB, the checkpoint at close). The template's name holds a hash of the
 * migrations it was made with, so a template of other migrations is never used; reference data of
 * another version is refreshed by ensureReferenceTables as in any older database.
 */
import { constants, copyFileSync, linkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../sources/sha256.ts';
import type { Migration } from './schema.ts';

export const TEMPLATE_DIRECTORY = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The template's file name for these migrations. */
export function templateName(migrations: readonly Migration[]): string {
  const hash = sha256Hex(...migrations.map((migration) => `${migration.file}\0${migration.sql}\0`));
  return `new-database-${hash.slice(0, 16)}.duckdb`;
}

/**
 * Copies the template to `path` when there is one for these migrations and nothing is at `path`;
 * false otherwise (DuckDB then creates the file). The copy is made under a temporary name and
 * linked into place, which fails when the file appeared meanwhile, so a killed copy never leaves a
 * half database at `path` and an existing one is never overwritten.
 */
export function copyTemplate(path: string, migrations: readonly Migration[], directory: string = TEMPLATE_DIRECTORY): boolean {
  const temporary = `${path}.${process.pid}.new.tmp`;
  try {
    copyFileSync(join(directory, templateName(migrations)), temporary, constants.COPYFILE_EXCL);
    linkSync(temporary, path);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(temporary, { force: true });
  }
}
