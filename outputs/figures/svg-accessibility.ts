/**
 * One Dutch accessible name per figure. Vega labels its marks for screen readers in English
 * ("rect mark container", "Title text '…'"); those labels are dropped and the SVG as a whole
 * becomes an image named by its (Dutch) title.
 */
import { escapeXml } from './svg-text.ts';

export function labelSvg(svg: string, label: string): string {
  const stripped = svg.replace(/\s(?:role|aria-[a-z]+)="[^"]*"/g, '');
  return stripped.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeXml(label)}"`);
}
