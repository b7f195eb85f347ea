#!/usr/bin/env node
// Adds lockfile entries for optional platform packages (e.g. @duckdb/node-bindings-darwin-arm64)
// that npm left out because the registry mirror it ran against serves only this platform's
// builds. Without them `npm ci` reports the lockfile as out of sync. Each entry carries the os and
// cpu that its package name states, so npm skips it on other platforms exactly as it would with
// the complete registry. Run after every `npm install` that changes package-lock.json.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'openbsd', 'netbsd', 'android', 'sunos', 'aix', 'openharmony'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'riscv64', 'loong64', 'ppc64', 's390x', 'mips64el'];

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((token) => OS.includes(token));
  let cpu = tokens.find((token) => CPU.includes(token));
  if (!cpu && (tokens.includes('gnueabihf') || tokens.includes('musleabihf'))) cpu = 'arm';
  if (!cpu && tokens.includes('x86_64')) cpu = 'x64';
  if (!cpu && (tokens.includes('x86') || tokens.includes('32'))) cpu = 'ia32';
  if (!cpu && tokens.includes('universal')) cpu = undefined;
  const libc = tokens.includes('musl') || tokens.includes('musleabihf') ? 'musl' : tokens.includes('gnu') || tokens.includes('gnueabihf') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [dependency, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = location === '' ? '' : `${location}/`;
    if (lock.packages[`${base}node_modules/${dependency}`] || lock.packages[`node_modules/${dependency}`]) continue;
    const { os, cpu, libc } = platformOf(dependency);
    if (!os) continue; // not a platform package: leave it for npm to resolve
    const version = String(range).replace(/^[\^~=]/, '');
    lock.packages[`node_modules/${dependency}`] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      license: entry.license,
      optional: true,
      os: [os],
      ...(libc ? { libc: [libc] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: ${added} optional platform entries added`);
