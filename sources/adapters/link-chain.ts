/**
 * Responses linked one to the next (a "next page" link in HTML, `@odata.nextLink` in JSON). Fetch
 * and parse walk the same chain of URLs: fetch over the network, parse through the snapshot.
 */
import type { FetchContext, RawFile } from '../adapter.ts';
import { type FetchedFile, fetchOk, type SnapshotFiles, sourceError } from './source-io.ts';

export interface Chain {
  first: string;
  /** The URL of the next response, read from this one; undefined on the last. */
  next: (file: Pick<RawFile, 'url' | 'bytes'>) => string | undefined;
  /** More responses than this means a broken link chain (a loop), not a grown source. */
  max: number;
}

export async function fetchChain(context: FetchContext, sourceId: string, chain: Chain, accept: string): Promise<FetchedFile[]> {
  const files: FetchedFile[] = [];
  const guard = new ChainGuard(sourceId, chain);
  for (let url: string | undefined = chain.first; url !== undefined; ) {
    const file = await fetchOk(context, sourceId, url, accept);
    files.push(file);
    url = guard.check(chain.next(file), url);
  }
  return files;
}

export function snapshotChain(files: SnapshotFiles, chain: Chain): RawFile[] {
  const found: RawFile[] = [];
  const guard = new ChainGuard(files.sourceId, chain);
  for (let url: string | undefined = chain.first; url !== undefined; ) {
    const file = files.get(url);
    found.push(file);
    url = guard.check(chain.next(file), url);
  }
  return found;
}

class ChainGuard {
  readonly #seen: Set<string>;

  constructor(
    readonly sourceId: string,
    readonly chain: Chain,
  ) {
    this.#seen = new Set([chain.first]);
  }

  check(next: string | undefined, from: string): string | undefined {
    if (next === undefined) return undefined;
    if (this.#seen.has(next)) throw sourceError(this.sourceId, `de link naar het vervolg in ${from} wijst terug naar ${next}`);
    if (this.#seen.size >= this.chain.max) {
      throw sourceError(this.sourceId, `meer dan ${this.chain.max} vervolgpagina's vanaf ${this.chain.first}; klopt de paginering nog?`);
    }
    this.#seen.add(next);
    return next;
  }
}
