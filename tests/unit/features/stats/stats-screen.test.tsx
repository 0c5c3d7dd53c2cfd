// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import './chart-stubs.ts';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { saveExamDate } from '../../../../src/db/stats-reads.ts';
import type { ComputeRequest, StatsClient } from '../../../../src/features/stats/stats-client.ts';
import { snapshotOf } from './stats-fixture.ts';

// The worker is replaced by a fake client: jsdom runs no workers, and the figures are tested elsewhere.
const requests: ComputeRequest[] = [];
let fail = false;
vi.mock('../../../../src/features/stats/stats-client.ts', () => ({
  prefetchStats: () => undefined,
  createStatsClient: (): StatsClient => ({
    compute: async (request) => {
      requests.push(request);
      if (fail) throw new Error('disk on fire');
      return { ...snapshotOf(request.examDate ?? null), deckId: request.deckId };
    },
    exportCsv: async () => ({ bytes: new Uint8Array(), rows: 0 }),
    dispose: () => undefined,
  }),
}));
vi.mock('../../../../src/features/stats/optimizer-slot.tsx', () => ({ OptimizerSlot: () => null }));

const { StatsScreen } = await import('../../../../src/features/stats/stats-screen.tsx');

beforeEach(async () => {
  requests.length = 0;
  fail = false;
  await db.delete();
  await db.open();
  const cards = [{ id: 'a', question: 'Q?', answer: '- a', tags: [], topics: [], line: 1 }];
  await saveDeckVersion({ id: 'deck-1', title: 'First deck', sourceFile: 'd.txt', cards, diagnostics: [] }, { builtIn: false, contentHash: '', now: new Date() });
  window.requestAnimationFrame = (callback) => window.setTimeout(() => callback(performance.now()), 0);
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('<StatsScreen/>', () => {
  it('asks for the figures with the saved exam date, shows them and marks itself rendered', async () => {
    await saveExamDate('2024-04-14');
    render(<StatsScreen deckId={null} />);
    const main = screen.getByRole('main');
    await waitFor(() => expect(main.getAttribute('data-ready')).toBe('true'));
    expect(requests[0]).toMatchObject({ deckId: null, examDate: '2024-04-14' });
    expect(screen.getByRole('region', { name: 'Today' })).toBeTruthy();
    expect(screen.getByText(/If you stop reviewing now/)).toBeTruthy();
    expect(performance.getEntriesByName('retain:stats-rendered')).not.toHaveLength(0);
  });

  it('offers every deck, and asks again when the exam date changes', async () => {
    render(<StatsScreen deckId={null} />);
    await waitFor(() => expect(screen.getByRole('main').getAttribute('data-ready')).toBe('true'));
    const picker = screen.getByLabelText('Deck') as HTMLSelectElement;
    expect(Array.from(picker.options, (o) => o.textContent)).toEqual(['All decks', 'First deck']);
    await userEvent.setup().selectOptions(picker, 'deck-1');
    expect(window.location.hash).toBe('#/stats/deck-1');
    await act(() => saveExamDate('2030-01-01'));
    await waitFor(() => expect(requests.at(-1)?.examDate).toBe('2030-01-01'));
  });

  it('says when the figures cannot be computed, and tries again', async () => {
    fail = true;
    render(<StatsScreen deckId="deck-1" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The statistics could not be computed. disk on fire');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.getByRole('main').getAttribute('data-ready')).toBe('true'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so for a deck that is gone', async () => {
    render(<StatsScreen deckId="deleted" />);
    expect(await screen.findByText(/This deck is no longer in your collection/)).toBeTruthy();
  });
});
