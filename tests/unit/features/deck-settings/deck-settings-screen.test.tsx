// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../../src/db/study-writes.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';
import { DeckSettingsScreen } from '../../../../src/features/deck-settings/deck-settings-screen.tsx';

const NOW = new Date();

beforeEach(async () => {
  await db.delete();
  await db.open();
  const cards = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, question: `Q${i}?`, answer: '- a', tags: [], topics: [], line: i + 1 }));
  await saveDeckVersion({ id: 'd', title: 'AWS', sourceFile: 'd.txt', cards, diagnostics: [] }, { builtIn: false, contentHash: '', now: NOW });
  // A few studied cards, so the workload estimate has reviews to simulate.
  const scheduler = createScheduler();
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
  for (const schedule of batch.newCards.slice(0, 10)) await recordAnswer(scheduler.answer(schedule, 4, NOW, 1000));
});
afterEach(() => {
  cleanup();
  db.close();
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('<DeckSettingsScreen/>', () => {
  it('shows every setting, labelled, with help, from the saved values', async () => {
    render(<DeckSettingsScreen deckId="d" />);
    expect(await screen.findByRole('heading', { name: 'Settings: AWS' })).toBeTruthy();
    expect(field('Desired retention').value).toBe('0.90');
    expect(field('New cards per day').value).toBe('20');
    expect(field('Maximum reviews per day').value).toBe('200');
    expect(field('Learning steps').value).toBe('1m 10m');
    expect(field('Relearning steps').value).toBe('10m');
    expect(field('Maximum interval (days)').value).toBe('36500');
    expect(field('Next day starts at').value).toBe('4');
    expect(field('Bury siblings').checked).toBe(false);
    expect(field('Leech threshold (lapses)').value).toBe('8');
    expect(field('Desired retention').getAttribute('aria-describedby')).toBe('deck-setting-desiredRetention-help');
    expect(await screen.findByText(/^At 0\.90, expect about \d+ reviews? a day over the next 30 days\.$/)).toBeTruthy();
  });

  it('explains a bad value where it is, and refuses to save until it is fixed', async () => {
    const user = userEvent.setup();
    render(<DeckSettingsScreen deckId="d" />);
    await screen.findByRole('heading', { name: 'Settings: AWS' });

    await user.clear(field('Learning steps'));
    await user.type(field('Learning steps'), '1m 0m');
    expect(screen.getByText('Learning steps must each be longer than zero, like "1m 10m".')).toBeTruthy();
    expect(field('Learning steps').getAttribute('aria-invalid')).toBe('true');
    await user.clear(field('Desired retention'));
    await user.type(field('Desired retention'), '1.2');
    expect(screen.getByText('Desired retention must be between 0.70 and 0.99.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert').textContent).toBe('2 settings need fixing before saving.');
    expect(document.activeElement).toBe(field('Desired retention'));
    expect((await db.decks.get('d'))?.settings).toEqual(DEFAULT_DECK_SETTINGS);

    await user.clear(field('Desired retention'));
    await user.type(field('Desired retention'), '0.85');
    await user.clear(field('Learning steps'));
    await user.type(field('Learning steps'), '5m 1h');
    await user.selectOptions(field('Next day starts at'), '06:00');
    await user.click(field('Bury siblings'));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect((await db.decks.get('d'))?.settings).toEqual({
      ...DEFAULT_DECK_SETTINGS,
      desiredRetention: 0.85,
      learningSteps: ['5m', '1h'],
      dayStartHour: 6,
      burySiblings: true,
    });
  });

  it('estimates what a retention change does to the daily workload before saving', async () => {
    const user = userEvent.setup();
    render(<DeckSettingsScreen deckId="d" />);
    await screen.findByText(/^At 0\.90, expect about/);
    await user.clear(field('Desired retention'));
    await user.type(field('Desired retention'), '0.97');
    const note = await screen.findByText(/^At 0\.97 instead of 0\.90: about \d+ reviews? a day instead of \d+ over the next 30 days \(\+\d+%\)\.$/);
    const [, proposed, current] = /about (\d+) reviews? a day instead of (\d+)/.exec(note.textContent ?? '') ?? [];
    expect(Number(proposed)).toBeGreaterThan(Number(current));
    expect((await db.decks.get('d'))?.settings.desiredRetention).toBe(0.9);
  });

  it('restores the defaults into the form', async () => {
    const user = userEvent.setup();
    await db.decks.update('d', { settings: { ...DEFAULT_DECK_SETTINGS, newPerDay: 5 } });
    render(<DeckSettingsScreen deckId="d" />);
    await waitFor(() => expect(field('New cards per day').value).toBe('5'));
    await user.click(screen.getByRole('button', { name: 'Restore defaults' }));
    expect(field('New cards per day').value).toBe('20');
    expect(screen.getByText('Defaults restored in the form. Save to keep them.')).toBeTruthy();
  });

  it('says so when the deck does not exist', async () => {
    render(<DeckSettingsScreen deckId="gone" />);
    expect(await screen.findByText(/There is no deck “gone”/)).toBeTruthy();
  });
});
