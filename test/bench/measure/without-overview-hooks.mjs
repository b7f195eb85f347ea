/**
 * Module hooks for the benchmark's child (measure.ts): the pipeline's writeReport gets an
 * overviewBytes (and overviewBytesWhenImages, which the report calls: it still waits for the
 * figures' PNGs, which the report draws either way) that writes nothing, so the report stage and its peak memory are the pipeline's
 * without the Excel overview; the overview is then timed on its own (measure/overview.ts loads the
 * real module under OVERVIEW_REAL_QUERY, which these hooks pass through). Plain JavaScript: hooks
 * run on Node's loader thread, ahead of tsx's.
 */
const OVERVIEW_MODULE = /\/pipeline\/workbook\/write\/overview\.ts$/;
/** Also in measure/overview.ts, which loads the real writer with it. */
const OVERVIEW_REAL_QUERY = 'bench-real-overview';

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const url = new URL(resolved.url);
  if (url.protocol !== 'file:' || !OVERVIEW_MODULE.test(url.pathname) || url.search.includes(OVERVIEW_REAL_QUERY)) return resolved;
  const real = `file://${url.pathname}?${OVERVIEW_REAL_QUERY}`;
  const source = [
    `export * from ${JSON.stringify(real)};`,
    '/** The benchmark measures the overview apart: inside the report it writes no bytes. */',
    'export async function overviewBytes() { return new Uint8Array(0); }',
    'export async function overviewBytesWhenImages(data, extras, images) { await images; return new Uint8Array(0); }',
  ].join('\n');
  return { url: `data:text/javascript,${encodeURIComponent(source)}`, shortCircuit: true };
}
