/** The legend column of the coverage map: classes, "geen gegevens", and the map's symbols. */
import { FONT_FAMILY, NEUTRAL } from './palette.ts';
import { escapeXml, wrapText } from './svg.ts';

export interface MapLegendInput {
  x: number;
  y: number;
  width: number;
  title: string;
  /** Top to bottom. */
  classes: readonly { label: string; colour: string }[];
  missingColour: string;
  point: { radius: number; fill: string; stroke: string; strokeWidth: number };
  border: { stroke: string; strokeWidth: number };
}

const FONT_SIZE = 12;
const LINE = 16;
const SWATCH = { width: 22, height: 14 } as const;
const ROW = 20;
const LABEL_OFFSET = SWATCH.width + 8;

export function mapLegendSvg(input: MapLegendInput): string {
  const parts: string[] = [];
  let y = input.y;
  for (const line of wrapText(input.title, input.width, FONT_SIZE, 'bold')) {
    parts.push(text(input.x, y + FONT_SIZE, line, 'bold'));
    y += LINE;
  }
  y += 6;
  const swatchRow = (colour: string, label: string, cssClass: string) => {
    parts.push(
      `<rect class="${cssClass}" x="${input.x}" y="${y}" width="${SWATCH.width}" height="${SWATCH.height}" fill="${colour}" stroke="${NEUTRAL.axis}" stroke-width="0.5"/>`,
      text(input.x + LABEL_OFFSET, y + SWATCH.height - 2, label),
    );
    y += ROW;
  };
  input.classes.forEach(({ label, colour }) => swatchRow(colour, label, 'legend-class'));
  swatchRow(input.missingColour, 'geen gegevens', 'legend-class legend-missing');

  y += 10;
  const middle = y + SWATCH.height / 2;
  const { point } = input;
  parts.push(
    `<circle cx="${input.x + SWATCH.width / 2}" cy="${middle}" r="${point.radius}" fill="${point.fill}" stroke="${point.stroke}" stroke-width="${point.strokeWidth}"/>`,
    text(input.x + LABEL_OFFSET, y + SWATCH.height - 2, 'steunpunt'),
  );
  y += ROW;
  parts.push(
    `<line x1="${input.x}" y1="${y + SWATCH.height / 2}" x2="${input.x + SWATCH.width}" y2="${y + SWATCH.height / 2}" stroke="${input.border.stroke}" stroke-width="${input.border.strokeWidth}"/>`,
    text(input.x + LABEL_OFFSET, y + SWATCH.height - 2, 'provinciegrens'),
  );
  return `<g class="legend">${parts.join('')}</g>`;
}

function text(x: number, y: number, content: string, weight: 'normal' | 'bold' = 'normal'): string {
  const bold = weight === 'bold' ? ' font-weight="bold"' : '';
  return `<text x="${x}" y="${y}" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}"${bold} fill="${NEUTRAL.text}">${escapeXml(content)}</text>`;
}
