/**
 * monitor.html renders the report's Markdown part by part (cut before its headings, so that the
 * appendix of a million records is never one token tree): the HTML must be what one parse of the
 * whole gives, for the published report and for the shapes of Markdown around a cut.
 */
import { readFileSync } from 'node:fs';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownSections, monitorBodyHtml } from '../../../outputs/html/monitor-html.ts';

const whole = (markdown: string) => new Marked({ gfm: true }).parse(markdown, { async: false });

describe('monitor.html from the Markdown in parts', () => {
  it('is the HTML of one parse for the published 2024 report, cut into its sections', () => {
    const markdown = readFileSync(new URL('../../../reports/2024/monitor.md', import.meta.url), 'utf8');
    expect(markdownSections(markdown).length).toBeGreaterThan(40);
    expect(markdownSections(markdown).join('')).toBe(markdown);
    expect(monitorBodyHtml(markdown, [])).toBe(whole(markdown));
  });

  it('is the HTML of one parse around every kind of block before a heading', () => {
    const markdown = [
      '# Titel',
      '## Lijst',
      '- een\n- twee',
      '### Losse lijst',
      '- een\n\n- twee',
      '### Tabel',
      '| a | b |\n|---|--:|\n| 1 | 2 |',
      '## Alinea\nmet een tweede regel\\\n en *nadruk* & <tekens>',
      '### Leeg',
      '',
      '## Laatste',
    ].join('\n\n');
    expect(markdownSections(markdown).length).toBe(7);
    expect(monitorBodyHtml(markdown, [])).toBe(whole(markdown));
  });

  it('is the HTML of one parse for a long list rendered a slice at a time, whatever its items hold', () => {
    const items = Array.from({ length: 2_500 }, (_, index) => `- Inloop ${index} (Stichting \\<b\\> & "zorg"), Plaats ${index}`);
    const list = (lines: string[]) => ['## Bijlage', '### Regio (2.500)', lines.join('\n'), '### Leeg (0)', 'Geen steunpunten in beeld.'].join('\n\n');
    const plain = list(items);
    expect(monitorBodyHtml(plain, [])).toBe(whole(plain));
    // Items of plain words, which are not lexed, beside items with Markdown in them.
    const words = ["Inloop d'Oude Kerk (RIBW), 's-Hertogenbosch", 'Café Één 2 (Stichting), Den Haag', 'Ontmoet 3.0, Plaats', 'a  b', 'Herstel ', 'www.x.nl', 'Info: mail'];
    const mixed = list(items.map((item, index) => (index % 3 === 0 ? `- ${words[index % words.length] ?? ''}` : item)));
    expect(monitorBodyHtml(mixed, [])).toBe(whole(mixed));
    // Items that are not one plain list item each: a rule, a nested list, a heading, an empty item, a continued line.
    for (const odd of ['- ---', '- - genest', '- # kop', '-', '- Inloop\n  vervolg', '- Inloop\n\n- los', '- ===', '- 1. genummerd', '- Zie www.voorbeeld.nl', "- Ons 'Huis' (A/B), Zuid-Holland", '- *Inloop* ', '- Inloop\\']) {
      // In the middle of a slice, first of a slice (the list's 1,001st line) and last of one.
      for (const at of [1_700, 1_000, 999]) {
        const markdown = list([...items.slice(0, at), odd, ...items.slice(at)]);
        expect(monitorBodyHtml(markdown, []), `${odd} at ${at}`).toBe(whole(markdown));
      }
    }
  });

  it('keeps the Markdown whole when a code fence or link definition could reach across a heading', () => {
    const fenced = 'tekst\n\n```\ncode\n\n## geen kop\n```\n';
    const linked = 'zie [bron][1]\n\n## Kop\n\n[1]: https://example.org\n';
    expect(markdownSections(fenced)).toEqual([fenced]);
    expect(markdownSections(linked)).toEqual([linked]);
    expect(monitorBodyHtml(fenced, [])).toBe(whole(fenced));
    expect(monitorBodyHtml(linked, [])).toBe(whole(linked));
  });
});
