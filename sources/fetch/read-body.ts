/** Reads a response body into memory, stopping as soon as it grows past the limit. */
export type BodyRead = { kind: 'complete'; bytes: Uint8Array } | { kind: 'too-large' };

export async function readBodyWithLimit(body: NodeJS.ReadableStream | null, maxBytes: number): Promise<BodyRead> {
  if (body === null) return { kind: 'complete', bytes: new Uint8Array() };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    // Leaving the loop destroys the stream, so the rest is never downloaded.
    if (total > maxBytes) return { kind: 'too-large' };
    chunks.push(bytes);
  }
  return { kind: 'complete', bytes: concat(chunks, total) };
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
