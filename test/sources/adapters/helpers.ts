import { MonitorError } from '../../../sources/errors.ts';

export function errorOfSync(run: () => unknown): MonitorError {
  try {
    run();
  } catch (error) {
    if (error instanceof MonitorError) return error;
    throw new Error(`expected a MonitorError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a MonitorError, but nothing was thrown');
}

export async function errorOf(promise: Promise<unknown>): Promise<MonitorError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof MonitorError)) throw new Error(`expected a MonitorError, got ${String(error)}`);
  return error;
}

/** A file's bytes as text with a replacement applied (a changed page). */
export function replaced(bytes: Uint8Array, from: string | RegExp, to: string): Uint8Array {
  return new TextEncoder().encode(new TextDecoder().decode(bytes).replace(from, to));
}
