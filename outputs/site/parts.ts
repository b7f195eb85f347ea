/** Pieces shared by the start page and the region pages: map controls, legend, tables. */
import { joined, type Chunks } from './chunks.ts';
import { escapeHtml } from './html.ts';
import { MISSING_COLOUR, type MapModel } from './map-model.ts';

export const CBS_CREDIT = 'Bron: CBS/PDOK, gebiedsindelingen 2025; inwoners: CBS.';

/** `after`: where the skip link lands, so keyboard users need not tab through every municipality and point. */
export function mapControls(after: { id: string; label: string }): string {
  return [
    `<a class="skip" href="#${after.id}">${escapeHtml(after.label)}</a>`,
    '<div class="controls">',
    '<fieldset><legend>Kleur van de gemeenten</legend>',
    '<label><input type="radio" name="kleur" value="afstand" checked> afstand</label> ',
    '<label><input type="radio" name="kleur" value="dekking"> dekking</label>',
    '</fieldset>',
    '<div class="zoom" role="group" aria-label="Zoomen">',
    '<button type="button" data-zoom="in" aria-label="Inzoomen">+</button>',
    '<button type="button" data-zoom="out" aria-label="Uitzoomen">−</button>',
    '<button type="button" data-zoom="reset">Hele kaart</button>',
    '</div>',
    '</div>',
  ].join('\n');
}

export function mapLegend(model: MapModel, region = false): string {
  const list = (classes: readonly { label: string; colour: string }[]) =>
    [...classes, { label: 'geen gegevens', colour: MISSING_COLOUR }]
      .map((item) => `<li><span class="swatch" style="background:${item.colour}"></span>${escapeHtml(item.label)}</li>`)
      .join('\n');
  return [
    '<div class="legend">',
    '<div class="legend-afstand"><h3>Afstand hemelsbreed vanaf het midden van de gemeente tot het dichtstbijzijnde steunpunt</h3><ul>',
    list(model.distanceClasses),
    '</ul></div>',
    `<div class="legend-dekking"><h3>Dekking: gewogen steunpunten als deel van het gewenste aantal bij ${model.coveragePct}% deelname</h3><ul>`,
    list(model.coverageClasses),
    '</ul></div>',
    '<ul>',
    '<li><span class="swatch point"></span>steunpunt</li>\n<li><span class="swatch point many"></span>meer steunpunten op dezelfde plek</li>',
    ...(region ? ['<li><span class="swatch outside"></span>gemeente buiten de regio</li>', '<li><span class="swatch line thick"></span>grens van de regio</li>'] : []),
    '<li><span class="swatch line"></span>provinciegrens</li>',
    '<li><span class="swatch line dashed"></span>grens van een IZA-regio</li>',
    '</ul>',
    '</div>',
  ].join('\n');
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
  /** Sort key when the text does not sort right (numbers). */
  sort?: (row: T) => string | number;
  numeric?: boolean;
  /** Short text kept on one line ("Noord-Brabant" otherwise breaks at its hyphen). */
  nowrap?: boolean;
}

function cellClass<T>(column: Column<T>): string {
  const classes = [...(column.numeric ? ['num'] : []), ...(column.nowrap ? ['kort'] : [])];
  return classes.length === 0 ? '' : ` class="${classes.join(' ')}"`;
}

/** A table, its rows made as they are written (a province's list may hold a hundred thousand). */
export function tableHtml<T>(caption: string, columns: readonly Column<T>[], rows: Iterable<T>, sortable = false): Chunks {
  const head = columns
    .map((column) => {
      const className = cellClass(column);
      return sortable
        ? `<th scope="col"${className} aria-sort="none"><button type="button">${escapeHtml(column.header)}</button></th>`
        : `<th scope="col"${className}>${escapeHtml(column.header)}</th>`;
    })
    .join('');
  const cells = columns.map((column) => ({ column, className: cellClass(column) }));
  const row = (item: T) =>
    `<tr>${cells
      .map(({ column, className }) => {
        const sort = column.sort ? ` data-sort="${escapeHtml(String(column.sort(item)))}"` : '';
        return `<td${className}${sort}>${escapeHtml(column.value(item))}</td>`;
      })
      .join('')}</tr>`;
  return joined([
    `<table${sortable ? ' data-sortable' : ''}>`,
    `<caption>${escapeHtml(caption)}${sortable ? ' (klik op een kolomkop om te sorteren)' : ''}</caption>`,
    `<thead><tr>${head}</tr></thead>`,
    joined(['<tbody>', joined(mapped(rows, row)), '</tbody>']),
    '</table>',
  ]);
}

function* mapped<T>(items: Iterable<T>, make: (item: T) => string): Generator<string> {
  for (const item of items) yield make(item);
}
