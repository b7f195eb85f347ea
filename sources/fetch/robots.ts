/**
 * robots.txt as RFC 9309 reads it: the group naming our product token wins over '*'; within a
 * group the longest matching rule decides and Allow wins a tie; '*' and a final '$' are wildcards.
 * Crawl-delay (not in the RFC, widely used) is read too and only ever slows us down.
 */
export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

export interface RobotsRules {
  rules: readonly RobotsRule[];
  crawlDelayMs?: number;
}

export const ALLOW_ALL: RobotsRules = { rules: [] };

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelayMs?: number;
}

export function parseRobots(text: string, agent: string): RobotsRules {
  const groups = readGroups(text);
  const wanted = agent.toLowerCase();
  const own = groups.filter((group) => group.agents.some((name) => productToken(name) === wanted));
  const chosen = own.length > 0 ? own : groups.filter((group) => group.agents.includes('*'));
  const delays = chosen.flatMap((group) => (group.crawlDelayMs === undefined ? [] : [group.crawlDelayMs]));
  const rules = chosen.flatMap((group) => group.rules);
  return delays.length === 0 ? { rules } : { rules, crawlDelayMs: Math.max(...delays) };
}

/** Whether `path` (pathname plus query) may be fetched under `robots`. */
export function isAllowed(robots: RobotsRules, path: string): boolean {
  if (path === '/robots.txt') return true;
  let best: RobotsRule | undefined;
  for (const rule of robots.rules) {
    if (!matches(rule.pattern, path)) continue;
    if (
      best === undefined ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow)
    ) {
      best = rule;
    }
  }
  return best?.allow ?? true;
}

function readGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const separator = line.indexOf(':');
    if (separator < 0) continue;
    const key = line.slice(0, separator).trim().toLowerCase();
    const value = line.slice(separator + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if ((key === 'allow' || key === 'disallow') && value !== '') {
      current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelayMs = Math.round(seconds * 1000);
    }
  }
  return groups;
}

/** "LSP-Monitor/1.0" names the product "lsp-monitor". */
function productToken(name: string): string {
  return name.split('/')[0]?.trim() ?? '';
}

function matches(pattern: string, path: string): boolean {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const source = body
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}${anchored ? '$' : ''}`).test(path);
}
