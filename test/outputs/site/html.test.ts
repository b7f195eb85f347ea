/** The site's HTML escaping: every special character, in any order and next to an entity already written, and plain text untouched. */
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../outputs/site/html.ts';

describe('escapeHtml of the site', () => {
  it('escapes &, <, > and " each once, ampersands of entities included', () => {
    expect(escapeHtml('Inloop "De Brug" & <Co> > &amp; "')).toBe('Inloop &quot;De Brug&quot; &amp; &lt;Co&gt; &gt; &amp;amp; &quot;');
    expect(escapeHtml('&&<<>>""')).toBe('&amp;&amp;&lt;&lt;&gt;&gt;&quot;&quot;');
  });

  it("leaves text without them as it is, apostrophes and line breaks included", () => {
    expect(escapeHtml("Herstelcafé 't Hof, Leiden\nklein")).toBe("Herstelcafé 't Hof, Leiden\nklein");
    expect(escapeHtml('')).toBe('');
  });
});
