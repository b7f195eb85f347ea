/**
 * Vega numbers clip paths and gradients with counters that live for the whole process
 * ("clip7", "gradient_3"), so the same chart rendered twice gets different ids. Renaming every
 * id in order of appearance makes the SVG depend on its content only.
 */

export function normalizeSvgIds(svg: string, prefix = 'fig'): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1];
    if (id !== undefined && !renamed.has(id)) renamed.set(id, `${prefix}${renamed.size + 1}`);
  }
  if (renamed.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (_all, open: string, id: string, close: string) => `${open}${renamed.get(id) ?? id}${close}`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => {
      const next = renamed.get(id);
      return next === undefined ? all : `url(#${next})`;
    })
    .replace(/(href=")#([^"]+)(")/g, (all, open: string, id: string, close: string) => {
      const next = renamed.get(id);
      return next === undefined ? all : `${open}#${next}${close}`;
    });
}
