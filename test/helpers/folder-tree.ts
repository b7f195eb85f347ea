/** A folder's files as a comparable value: path (with '/') -> bytes (base64). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function folderTree(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(folder, path).split(sep).join('/')] = readFileSync(path).toString('base64');
  }
  return files;
}
