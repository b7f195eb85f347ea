import { MonitorError } from '../../../sources/errors.ts';

export async function errorOf(promise: Promise<unknown>): Promise<MonitorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(error)}`);
  return error;
}

/** The MonitorError that `run` throws or rejects with: parse may be synchronous or not. */
export function errorOfCall(run: () => unknown): Promise<MonitorError> {
  return errorOf(Promise.resolve().then(run));
}

/** A file's bytes as text with a replacement applied (a changed page). */
export function replaced(bytes: Uint8Array, from: string | RegExp, to: string): Uint8Array {
  return new TextEncoder().encode(new TextDecoder().decode(bytes).replace(from, to));
}
