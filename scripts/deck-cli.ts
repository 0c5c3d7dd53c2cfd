/**
 * Deck checker for authors: `npm run deck -- <file...>` prints a summary per deck file
 * (title, id, cards, tags, topics, diagnostics as `file:line: severity: message`) and exits
 * with 1 when any file has errors. `npm run deck -- --json <file>` prints only the deck JSON,
 * exactly as the build embeds it. Both go through buildDeck, the build step's own code path,
 * and read files as bytes so invalid UTF-8 is reported rather than silently replaced.
 *
 * Exit codes: 0 no errors, 1 a deck has errors (or cannot be read), 2 wrong usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Deck, Diagnostic } from '../src/domain/deck/types.ts';
import { buildDeck, deckJson, topicsFileFor } from '../src/domain/deck/build-deck.ts';

const USAGE = 'usage: npm run deck -- <deck.txt...>\n       npm run deck -- --json <deck.txt>\n';

interface Loaded {
  deck: Deck;
  topicsFile: string | undefined;
}

function load(path: string): Loaded {
  const topicsPath = topicsFileFor(path);
  const topicsFile = existsSync(topicsPath) ? topicsPath : undefined;
  const topicJson = topicsFile === undefined ? undefined : readFileSync(topicsFile, 'utf8');
  // The deck's sourceFile is its base name, as in the build, so --json output does not
  // depend on the directory the command was run from.
  return { deck: buildDeck(readFileSync(path), basename(path), topicJson), topicsFile };
}

function formatDiagnostic(path: string, diagnostic: Diagnostic): string {
  const where = diagnostic.line > 0 ? `${path}:${diagnostic.line}` : path;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}`;
}

function tagSummary(deck: Deck): string {
  const counts = new Map<string, number>();
  for (const card of deck.cards) for (const tag of card.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const sorted = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  return sorted.length === 0 ? 'none' : sorted.map(([tag, count]) => `${tag} ×${count}`).join(', ');
}

function topicSummary(loaded: Loaded): string {
  if (loaded.topicsFile === undefined) return `none (no ${basename(topicsFileFor(loaded.deck.sourceFile))})`;
  const topics = new Set(loaded.deck.cards.flatMap((card) => card.topics));
  const without = loaded.deck.cards.filter((card) => card.topics.length === 0).length;
  return `${topics.size} used, from ${loaded.topicsFile}; ${without === 0 ? 'every card has one' : `${without} cards have none`}`;
}

function summary(path: string, loaded: Loaded): string {
  const { deck } = loaded;
  const errors = deck.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = deck.diagnostics.length - errors;
  return [
    path,
    `  title:  ${deck.title}`,
    `  id:     ${deck.id}`,
    `  cards:  ${deck.cards.length}`,
    `  tags:   ${tagSummary(deck)}`,
    `  topics: ${topicSummary(loaded)}`,
    ...deck.diagnostics.map((d) => `  ${formatDiagnostic(path, d)}`),
    `  ${errors === 0 ? 'ok' : 'FAILED'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    '',
  ].join('\n');
}

function tryLoad(path: string): Loaded | undefined {
  try {
    return load(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${path}: error: cannot read the file (${reason})\n`);
    return undefined;
  }
}

function main(args: readonly string[]): number {
  if (args[0] === '--json') {
    const path = args[1];
    if (path === undefined || args.length !== 2) {
      process.stderr.write(USAGE);
      return 2;
    }
    const loaded = tryLoad(path);
    if (loaded === undefined) return 1;
    process.stdout.write(`${deckJson(loaded.deck)}\n`);
    return loaded.deck.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }
  if (args.length === 0 || args.some((arg) => arg.startsWith('--'))) {
    process.stderr.write(USAGE);
    return 2;
  }
  let failed = false;
  for (const path of args) {
    const loaded = tryLoad(path);
    if (loaded === undefined) {
      failed = true;
      continue;
    }
    process.stdout.write(summary(path, loaded));
    if (loaded.deck.diagnostics.some((d) => d.severity === 'error')) failed = true;
  }
  return failed ? 1 : 0;
}

// `npm run deck -- --json f | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = main(process.argv.slice(2));
