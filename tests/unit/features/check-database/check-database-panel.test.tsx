// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../../src/db/study-writes.ts';
import { CheckDatabasePanel } from '../../../../src/features/check-database/check-database-panel.tsx';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';

const NOW = new Date('2026-03-02T10:00:00Z');

beforeEach(async () => {
  await db.delete();
  await db.open();
  const cards = ['a', 'b'].map((id) => ({ id, question: `Question ${id}?`, answer: '- a', tags: [], topics: [], line: 1 }));
  await saveDeckVersion({ id: 'd', title: 'D', sourceFile: 'd.txt', cards, diagnostics: [] }, { builtIn: false, contentHash: '', now: NOW });
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
  await recordAnswer(createScheduler().answer(batch.newCards[0]!, 3, NOW, 1000));
});
afterEach(() => {
  cleanup();
  db.close();
});

// Three passes over IndexedDB through jsdom and user-event: slower than the 5 s default on a busy machine.
describe('<CheckDatabasePanel/>', { timeout: 20_000 }, () => {
  it('reports a healthy collection, then finds a damaged card, repairs it and shows a clean second check', async () => {
    const user = userEvent.setup();
    render(<CheckDatabasePanel />);
    await user.click(screen.getByRole('button', { name: 'Check database' }));
    expect(await screen.findByText('Checked 2 cards in 1 deck: no problems found.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Repair' })).toBeNull();

    await db.states.update('a', { reps: 5 });
    await user.click(screen.getByRole('button', { name: 'Check database' }));
    expect(await screen.findByText('Checked 2 cards in 1 deck: found 1 problem.')).toBeTruthy();
    const listed = within(screen.getByRole('list', { name: 'Cards that differ' })).getAllByRole('listitem');
    expect(listed.map((item) => item.textContent)).toEqual(['Question a? (reps)']);

    await user.click(screen.getByRole('button', { name: 'Repair' }));
    expect(await screen.findByText('Repaired 1 row.')).toBeTruthy();
    expect(screen.getByText('Second check: Checked 2 cards in 1 deck: no problems found.')).toBeTruthy();
    expect(await db.states.get('a')).toMatchObject({ reps: 1 });
  });

  it('shows a storage failure with a retry that works', async () => {
    const user = userEvent.setup();
    render(<CheckDatabasePanel />);
    db.close();
    await user.click(screen.getByRole('button', { name: 'Check database' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The check did not finish.');
    await db.open();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Checked 2 cards in 1 deck: no problems found.')).toBeTruthy();
  });
});
