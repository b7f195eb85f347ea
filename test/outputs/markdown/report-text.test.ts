/**
 * The report as a publisher signs it (issue 13 §3), on the real 2024 monitor: no configuration
 * keys or hashes in the text (they are in the Verantwoording at the end), no figure without
 * information, captions that add to the figure's title, coverage at 45% in every table, and
 * numbers and nouns that read as in Dutch ("−0,4%", "1 gemeente").
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../pipeline/config/config.ts';
import type { MonitorData } from '../../../pipeline/read/read-monitor.ts';
import type { AreaChange, YearDiff } from '../../../pipeline/read/diff-years.ts';
import { reportFigures } from '../../../outputs/figures/report-figures.ts';
import { monitorHtml } from '../../../outputs/html/monitor-html.ts';
import { monitorMarkdown } from '../../../outputs/markdown/monitor-md.ts';
import type { Figure, ReportInput } from '../../../outputs/report-input.ts';
import { buildMonitor2024 } from '../../pipeline/workbook/monitor-2024.ts';
import { methodLabelNl } from '../../../pipeline/config/method-label.ts';

interface Report {
  figures: Figure[];
  markdown: string;
  html: string;
}

async function report(input: ReportInput): Promise<Report> {
  const figures = await reportFigures(input);
  const markdown = monitorMarkdown(input, figures);
  return { figures, markdown, html: monitorHtml(markdown, figures, 'Stand van het land') };
}

/** The text before the appendix Verantwoording. */
const body = (markdown: string) => markdown.slice(0, markdown.indexOf('\n## Verantwoording'));
const section = (markdown: string, heading: string) => {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
};

/** An area's change from one year to the next as diff-years.ts reports it, with every change a closure. */
function change(level: AreaChange['level'], area: string, before: number, after: number): AreaChange {
  return {
    level, area, inViewBefore: before, inViewAfter: after, weightedBefore: before, weightedAfter: after,
    difference: after - before, changePct: before === 0 ? null : ((after - before) / before) * 100,
    recountedBefore: before, methodEffect: 0, opened: 0, closed: before - after, moved: 0,
  };
}

/**
 * 2024 preceded by a year counted with the actueel method, in which the areas named in `before`
 * had that many steunpunten in view (the national count follows from the provinces).
 */
function withPreviousYear(data: MonitorData, before: Readonly<Record<string, number>>): ReportInput {
  const actueel = loadConfig().methods['actueel']!;
  const inViewBefore = (row: { area_name: string; in_view: number }) => before[row.area_name] ?? row.in_view;
  const national = data.provinces.reduce((sum, row) => sum + inViewBefore(row), 0);
  const previousData: MonitorData = {
    ...data,
    year: 2023,
    method: { ...data.method, ...actueel, name: 'actueel', populationYear: 2023, epaYear: 2023 },
  };
  const diff: YearDiff = {
    from: 2023,
    to: 2024,
    methods: {
      before: { year: 2023, name: 'actueel', label: methodLabelNl(previousData.method), provinceOfLocation: 'gemeente' },
      after: { year: 2024, name: data.method.name, label: methodLabelNl(data.method), provinceOfLocation: 'iza-regio' },
    },
    locations: [],
    areas: [
      change('nederland', data.national.area_name, national, data.national.in_view),
      ...data.provinces.map((row) => change('provincie', row.area_name, inViewBefore(row), row.in_view)),
      ...data.regions.map((row) => change('iza_regio', row.area_name, inViewBefore(row), row.in_view)),
    ],
  };
  return { data, previous: { data: previousData, diff } };
}

/** One steunpunt fewer in Groningen: −0,4% nationally. */
const oneClosed = { Groningen: 9, 'Groningen (provincie)': 9 };
/** Two steunpunten more in Amsterdam: a whole percentage there (+8%), read with one decimal as in the CSV. */
const twoOpened = { 'Noord-Holland': 50, Amsterdam: 25 };

describe('the report text', () => {
  let data: MonitorData;
  let plain: Report;

  beforeAll(async () => {
    data = (await buildMonitor2024()).data;
    plain = await report({ data });
  }, 120_000);

  it('names the method in words, never by its configuration key, outside the Verantwoording', () => {
    expect(body(plain.markdown)).not.toMatch(/galan2024/);
    expect(section(plain.markdown, 'Werkwijze')).toContain('**Rekenwijze 2024.** Zoals De Galan (2024): inwoners 2019');
    expect(section(plain.markdown, 'Verantwoording')).toContain('Rekenwijze van 2024 in de instellingen (monitor.config.json): galan2024.');
  });

  it('speaks of the monitor, not of the tool that makes it, outside the Verantwoording', async () => {
    const { markdown } = await report(withPreviousYear(data, oneClosed));
    for (const text of [plain.markdown, markdown]) expect(body(text)).not.toMatch(/\b(run|lsp-monitor|location_id)\b/);
    expect(section(plain.markdown, 'Verantwoording')).toContain('Dit rapport is gemaakt met lsp-monitor');
  });

  it('keeps every hash in the appendix Verantwoording, the last section', () => {
    const headings = plain.markdown.match(/^## .*$/gm) ?? [];
    expect(headings.at(-1)).toBe('## Verantwoording');
    expect(data.sources.length).toBeGreaterThan(0);
    for (const source of data.sources) {
      expect(body(plain.markdown)).not.toContain(source.sha256.slice(0, 12));
      expect(section(plain.markdown, 'Verantwoording')).toContain(`sha256 ${source.sha256}.`);
    }
    expect(body(plain.markdown)).not.toMatch(/sha256|\b[0-9a-f]{12,64}\b/);
  });

  it('says in a sentence that no size is known instead of drawing a figure of one unknown bar', () => {
    expect(data.locations.every((location) => location.size_class === 'onbekend')).toBe(true);
    expect(plain.figures.map((figure) => figure.file)).not.toContain('figuren/grootte.svg');
    expect(plain.markdown).not.toContain('grootte.svg');
    expect(plain.html).not.toContain('grootte.svg');
    expect(section(plain.markdown, 'Landelijk beeld')).toContain(
      'Van geen van de 278 steunpunten in beeld is de grootte bekend, daarom is er geen figuur van de verdeling naar grootte.',
    );
  });

  it('draws the size mix when some sizes are known, and then says no such sentence', async () => {
    const sized = data.locations.map((location, index) => (index % 2 === 0 ? { ...location, size_class: 'klein' as const } : location));
    const { figures, markdown } = await report({ data: { ...data, locations: sized } });
    expect(figures.map((figure) => figure.file)).toContain('figuren/grootte.svg');
    expect(section(markdown, 'Landelijk beeld')).toContain('](figuren/grootte.svg "');
    expect(markdown).not.toContain('geen figuur van de verdeling naar grootte');
  });

  it('gives each figure a caption that does not repeat its title', () => {
    const captions = [...plain.html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((match) => match[1]!);
    expect(captions).toHaveLength(plain.figures.length);
    for (const figure of plain.figures) {
      for (const caption of captions) expect(caption).not.toContain(figure.title);
    }
  });

  it('shows coverage at every participation, 45% too, nationally and per province and IZA-region', () => {
    for (const heading of ['Landelijk beeld', 'Per provincie', 'Per IZA-regio']) {
      expect(section(plain.markdown, heading)).toMatch(/\| Dekking 15% \| Dekking 30% \| Dekking 45% \|\n/);
    }
    expect(section(plain.markdown, 'Per provincie')).toContain('| Nederland | 17.282.163 | 224.604 (1,30%) | 337 | 674 | 1.011 | 278 | 278 | 82% | 41% | 27% |');
  });

  it('writes a small change as −0,4%, never −0%, in the summary and the year-on-year tables', async () => {
    const { markdown } = await report(withPreviousYear(data, oneClosed));
    expect(section(markdown, 'Samenvatting')).toContain('**278 steunpunten in beeld**, −1 (−0,4%) ten opzichte van 2023.');
    expect(section(markdown, 'Jaar-op-jaar')).toContain('| Nederland | 279 | 278 | −1 | −0,4% |');
    expect(section(markdown, 'Jaar-op-jaar')).toContain('| Groningen | 9 | 8 | −1 | −11,1% |');
    expect(markdown).not.toMatch(/[−+]0%/);
  });

  it('writes every change with one decimal, as verschillen-per-regio.csv holds it, also a whole one', async () => {
    const { markdown } = await report(withPreviousYear(data, twoOpened));
    expect(section(markdown, 'Samenvatting')).toContain('**278 steunpunten in beeld**, +2 (+0,7%) ten opzichte van 2023.');
    expect(section(markdown, 'Jaar-op-jaar')).toContain('| Amsterdam | 25 | 27 | +2 | +8,0% |');
    expect(section(markdown, 'Jaar-op-jaar')).toContain('| Noord-Holland | 50 | 52 | +2 | +4,0% |');
  });

  it('names a change of method in words', async () => {
    const { markdown } = await report(withPreviousYear(data, oneClosed));
    expect(body(markdown)).not.toMatch(/galan2024|methode actueel|\bactueel\b/);
    expect(section(markdown, 'Werkwijze')).toContain(
      'rekenwijze ‘meest recente inwonertal en EPA-cijfers tot en met het monitorjaar’ → ‘zoals De Galan (2024)’',
    );
    expect(section(markdown, 'Jaar-op-jaar')).toContain(
      '2023 is berekend met methode ‘meest recente inwonertal en EPA-cijfers tot en met het monitorjaar’ en 2024 met ‘zoals De Galan (2024)’.',
    );
  });

  it('puts a noun in the singular for one', async () => {
    const [spot] = data.whiteSpots;
    const { markdown } = await report({ data: { ...data, whiteSpots: [spot!] } });
    expect(section(markdown, 'Witte vlekken')).toContain('1 gemeente heeft hemelsbreed binnen 15 km van haar midden geen steunpunt in beeld');
  });
});
