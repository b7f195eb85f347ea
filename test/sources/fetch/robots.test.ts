import { describe, expect, it } from 'vitest';
import { isAllowed, parseRobots } from '../../../sources/fetch/robots.ts';

describe('robots.txt', () => {
  it('uses the group for our product token over the * group', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: LSP-Monitor/2\nDisallow: /tmp\n', 'lsp-monitor');
    expect(isAllowed(robots, '/inventaris')).toBe(true);
    expect(isAllowed(robots, '/tmp/x')).toBe(false);
  });

  it('falls back to the * group, and allows everything without one', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /zoeken\n', 'lsp-monitor'), '/zoeken?q=1')).toBe(false);
    expect(isAllowed(parseRobots('User-agent: googlebot\nDisallow: /\n', 'lsp-monitor'), '/x')).toBe(true);
    expect(isAllowed(parseRobots('', 'lsp-monitor'), '/x')).toBe(true);
  });

  it('lets the longest match decide, Allow winning a tie', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /data\nAllow: /data/open\nDisallow: /x\nAllow: /x\n', 'lsp-monitor');
    expect(isAllowed(robots, '/data/geheim')).toBe(false);
    expect(isAllowed(robots, '/data/open/1.csv')).toBe(true);
    expect(isAllowed(robots, '/x')).toBe(true);
  });

  it('reads * and $ as wildcards, an empty Disallow as no rule, and ignores comments', () => {
    const robots = parseRobots('User-agent: * # iedereen\nDisallow: /*.pdf$\nDisallow:\n', 'lsp-monitor');
    expect(isAllowed(robots, '/stukken/rapport.pdf')).toBe(false);
    expect(isAllowed(robots, '/stukken/rapport.pdf?v=2')).toBe(true);
    expect(isAllowed(robots, '/')).toBe(true);
  });

  it('joins consecutive User-agent lines into one group and reads Crawl-delay', () => {
    const robots = parseRobots('User-agent: a\nUser-agent: lsp-monitor\nCrawl-delay: 1.5\nDisallow: /a\n', 'lsp-monitor');
    expect(robots).toEqual({ rules: [{ allow: false, pattern: '/a' }], crawlDelayMs: 1_500 });
  });

  it('always allows /robots.txt itself', () => {
    expect(isAllowed(parseRobots('User-agent: *\nDisallow: /\n', 'lsp-monitor'), '/robots.txt')).toBe(true);
  });
});
