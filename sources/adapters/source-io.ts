/**
 * What every adapter needs around its own parsing: errors that name the source, snapshot files
 * looked up by the URL they were fetched from, bodies as text or validated JSON, and a checked GET.
 */
import type { z } from 'zod';
import type { FetchContext, FetchedFile, RawFile, Snapshot } from '../adapter.ts';
import { MonitorError } from '../errors.ts';

export type { FetchedFile };

/** A problem with a source: the message starts with "bron <id>:" so people know which one. */
export function sourceError(sourceId: string, detail: string, cause?: unknown): MonitorError {
  return new MonitorError(`bron ${sourceId}: ${detail}`, { cause });
}

/** Runs `read`; a MonitorError of a shared reader (which names the file, not the source) gets the source in front. */
export async function namingSource<T>(sourceId: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw renamed(sourceId, error);
  }
}

export function namingSourceSync<T>(sourceId: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw renamed(sourceId, error);
  }
}

function renamed(sourceId: string, error: unknown): unknown {
  if (!(error instanceof MonitorError) || error.message.startsWith(`bron ${sourceId}:`)) return error;
  return sourceError(sourceId, error.message, error);
}

/**
 * The settings a snapshot was fetched with (recorded in it), defaults filled in: parse builds its
 * URLs from these, never from today's settings file.
 */
export function snapshotSettings<S extends z.ZodType>(sourceId: string, schema: S, snapshot: Snapshot): z.output<S> {
  const parsed = schema.safeParse(snapshot.settings ?? {});
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw sourceError(sourceId, `de instellingen in de momentopname kloppen niet (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`, parsed.error);
}

/** The files of a snapshot by URL. Parse walks the same URLs as fetch did, so a missing one is an error. */
export class SnapshotFiles {
  readonly #byUrl: ReadonlyMap<string, RawFile>;

  constructor(
    readonly sourceId: string,
    snapshot: Snapshot,
  ) {
    if (snapshot.files.length === 0) throw sourceError(sourceId, 'de snapshot bevat geen bestanden');
    this.#byUrl = new Map(snapshot.files.map((file) => [file.url, file]));
  }

  has(url: string): boolean {
    return this.#byUrl.has(url);
  }

  get(url: string): RawFile {
    const file = this.#byUrl.get(url);
    if (file === undefined) throw sourceError(this.sourceId, `de snapshot mist ${url}; is de bron veranderd of is de snapshot onvolledig?`);
    return file;
  }

  text(url: string): { file: RawFile; text: string } {
    const file = this.get(url);
    return { file, text: bodyText(file) };
  }

  json<S extends z.ZodType>(url: string, schema: S): { file: RawFile; data: z.output<S> } {
    const file = this.get(url);
    return { file, data: bodyJson(this.sourceId, file, schema) };
  }
}

export function bodyText(file: Pick<RawFile, 'bytes'>): string {
  return new TextDecoder('utf-8').decode(file.bytes);
}

export function bodyJson<S extends z.ZodType>(sourceId: string, file: Pick<RawFile, 'bytes' | 'url'>, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(bodyText(file));
  } catch (cause) {
    throw sourceError(sourceId, `${file.url} is geen geldige JSON; is de bron veranderd?`, cause);
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const where = issue === undefined || issue.path.length === 0 ? 'het antwoord' : `veld '${issue.path.join('.')}'`;
  throw sourceError(sourceId, `${file.url} heeft niet de verwachte vorm (${where}); is de bron veranderd?`, parsed.error);
}

/**
 * GET that fails loudly on an HTTP error. The requested URL is what is stored (not the URL after a
 * redirect), because parse looks files up by the URLs it builds itself.
 */
export async function fetchOk(context: FetchContext, sourceId: string, url: string, accept: string): Promise<FetchedFile> {
  context.log(`${sourceId}: ${url}`);
  const response = await context.http.get(url, { accept });
  if (response.status < 200 || response.status >= 300) {
    throw sourceError(sourceId, `${url} gaf HTTP ${response.status}`);
  }
  return { url, status: response.status, contentType: response.contentType, bytes: response.body };
}
