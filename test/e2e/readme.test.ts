/**
 * The README is the guide the monitor's staff follow: every `lsp-monitor <command>` it names must
 * exist, and every option it shows with a command must be one that command's --help lists, so
 * the guide cannot drift from the tool. The set-up that `.ci/run` relies on stays in place.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

interface Mention {
  command: string;
  options: string[];
  text: string;
}

/** Each `lsp-monitor <word> …` in a code span or code block (not `Description=lsp-monitor …`), with the options written after it. */
function mentions(markdown: string): Mention[] {
  const spans = [...markdown.matchAll(/```[^\n]*\n([\s\S]*?)```|`([^`\n]+)`/g)].flatMap((match) =>
    (match[1] ?? match[2] ?? '').split('\n'),
  );
  return spans.flatMap((span) =>
    [...span.matchAll(/(?<![=\w-])lsp-monitor ([a-z][a-z-]*)((?:[^&|;']|'[^']*')*)/g)].map((match) => ({
      command: match[1]!,
      options: [...match[2]!.matchAll(/(?<![\w-])--[a-z][a-z-]*/g)].map((option) => option[0]),
      text: match[0],
    })),
  );
}

/** The mentions whose command does not exist or whose options its --help does not list. */
async function unknownMentions(markdown: string): Promise<string[]> {
  const problems: string[] = [];
  const help = new Map<string, { code: number; stdout: string }>();
  for (const mention of mentions(markdown)) {
    if (!help.has(mention.command)) help.set(mention.command, await runCli([mention.command, '--help']));
    const { code, stdout } = help.get(mention.command)!;
    if (code !== 0 || !stdout.startsWith(`Gebruik: lsp-monitor ${mention.command}`)) {
      problems.push(`${mention.text}: no command '${mention.command}'`);
      continue;
    }
    for (const option of mention.options) {
      if (!new RegExp(`(?<![\\w-])${option}(?![\\w-])`).test(stdout)) problems.push(`${mention.text}: '${mention.command} --help' has no ${option}`);
    }
  }
  return problems;
}

describe('README', () => {
  it('names commands and options the tool has', async () => {
    const found = mentions(readme);
    expect(new Set(found.map((mention) => mention.command))).toEqual(
      new Set(['import', 'imports', 'build', 'report', 'corrections', 'diff', 'panel', 'run', 'fetch', 'schedule']),
    );
    expect(await unknownMentions(readme)).toEqual([]);
  });

  it('catches a command or an option the tool does not have', async () => {
    expect(await unknownMentions('`npx lsp-monitor verzend --year 2025` en `lsp-monitor build --jaar 2025`')).toEqual([
      "lsp-monitor verzend --year 2025: no command 'verzend'",
      "lsp-monitor build --jaar 2025: 'build --help' has no --jaar",
    ]);
  });

  it('keeps the set-up that .ci/run runs', () => {
    const setUp = readme.slice(readme.indexOf('## Set-up'));
    expect(setUp).toMatch(/```sh\nnpm ci\nnpm run monitor .*\nnpm test .*\n```/);
  });
});
