import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDeck, deckJson } from '../../../../src/domain/deck/build-deck.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'deck-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['tsx', 'scripts/deck-cli.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const good = join(dir, 'good.txt');
writeFileSync(good, 'Good Deck\nWhat is SQS?\nDevelopment\n- A queue\nWhat is SNS?\nDevelopment\n- Pub/sub\nWhat is DAX?\n');
writeFileSync(join(dir, 'good.topics.json'), JSON.stringify({ topics: { SQS: ['SQS'], SNS: ['SNS'], DynamoDB: ['DAX'] } }));
const bad = join(dir, 'bad.txt');
writeFileSync(bad, Buffer.concat([Buffer.from('- stray item\nWhat is it?\n- caf'), Buffer.from([0xe9]), Buffer.from('\n')]));

describe('deck CLI (scripts/deck-cli.ts)', { timeout: 60_000 }, () => {
  it('prints a summary and exits 0 for a deck without errors', () => {
    const { status, stdout } = runCli(good);
    expect(status).toBe(0);
    expect(stdout).toContain('  title:  Good Deck\n');
    expect(stdout).toContain('  id:     good-deck\n');
    expect(stdout).toContain('  cards:  3\n');
    expect(stdout).toContain('  tags:   Development ×2\n');
    expect(stdout).toContain('every card has one');
    expect(stdout).toContain(`  ${good}:8: warning: question has no answer\n`);
    expect(stdout).toContain('ok: 0 errors, 1 warning');
  });

  it('prints errors as file:line: severity: message and exits 1 when any file has errors', () => {
    const { status, stdout } = runCli(good, bad);
    expect(status).toBe(1);
    expect(stdout).toContain(`${bad}:1: error: list item before any question; it is left out`);
    expect(stdout).toContain(`${bad}:3: error: bytes that are not valid UTF-8`);
    expect(stdout).toContain('FAILED: 2 errors, 0 warnings');
  });

  it('prints only the deck JSON with --json, exactly as buildDeck and deckJson produce it', () => {
    const { status, stdout } = runCli('--json', good);
    expect(status).toBe(0);
    const expected = buildDeck(
      new TextEncoder().encode('Good Deck\nWhat is SQS?\nDevelopment\n- A queue\nWhat is SNS?\nDevelopment\n- Pub/sub\nWhat is DAX?\n'),
      'good.txt',
      JSON.stringify({ topics: { SQS: ['SQS'], SNS: ['SNS'], DynamoDB: ['DAX'] } }),
    );
    expect(stdout).toBe(`${deckJson(expected)}\n`);
  });

  it('exits 1 with --json on a deck with errors, and 2 on wrong usage', () => {
    const withErrors = runCli('--json', bad);
    expect(withErrors.status).toBe(1);
    expect(JSON.parse(withErrors.stdout)).toMatchObject({ title: 'bad', cards: [{ question: 'What is it?' }] });
    expect(runCli().status).toBe(2);
    expect(runCli('--json').status).toBe(2);
  });

  it('reports a missing file on stderr and exits 1', () => {
    const { status, stderr } = runCli(join(dir, 'missing.txt'));
    expect(status).toBe(1);
    expect(stderr).toContain('missing.txt: error: cannot read the file');
  });
});
