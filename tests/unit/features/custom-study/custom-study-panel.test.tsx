// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { CustomStudyPanel } from '../../../../src/features/custom-study/custom-study-panel.tsx';

beforeEach(async () => {
  await db.delete();
  await db.open();
  const cards = [
    { id: 'a', topics: ['Lambda'], tags: ['exam'] },
    { id: 'b', topics: ['Lambda', 'SQS'], tags: [] },
    { id: 'c', topics: ['SQS'], tags: ['SQS'] },
  ].map((c, i) => ({ ...c, question: `Q${i}?`, answer: '- a', line: i + 1 }));
  await saveDeckVersion({ id: 'my deck', title: 'D', sourceFile: 'd.txt', cards, diagnostics: [] }, { builtIn: false, contentHash: '', now: new Date() });
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('<CustomStudyPanel/>', () => {
  it('offers topics and tags with card counts, and links to the matching study session', async () => {
    const user = userEvent.setup();
    render(<CustomStudyPanel deckId="my deck" />);
    await user.click(screen.getByText('Custom study'));
    const select = screen.getByLabelText('Topic or tag') as HTMLSelectElement;
    await screen.findByRole('option', { name: 'Lambda (2 cards)' });
    // "SQS" is both a topic and a tag: offered once.
    expect([...select.options].map((option) => option.textContent)).toEqual(['Whole deck (3 cards)', 'Lambda (2 cards)', 'SQS (2 cards)', 'exam (1 card)']);
    const link = screen.getByRole('link', { name: 'Start custom study' });
    expect(link.getAttribute('href')).toBe('#/study/my%20deck');

    await user.selectOptions(select, 'Lambda (2 cards)');
    expect(link.getAttribute('href')).toBe('#/study/my%20deck?filter=Lambda');
    await user.click(screen.getByRole('radio', { name: 'Cram' }));
    expect(link.getAttribute('href')).toBe('#/study/my%20deck?mode=cram&filter=Lambda');
    expect(screen.getByRole('radio', { name: 'Cram' }).getAttribute('aria-describedby')).toMatch(/cram-help$/);
    await user.selectOptions(select, 'Whole deck (3 cards)');
    await user.click(screen.getByRole('radio', { name: 'Due cards only' }));
    expect(link.getAttribute('href')).toBe('#/study/my%20deck?mode=due-only');
  });
});
