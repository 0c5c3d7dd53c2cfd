// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { READINESS_ASSUMPTIONS } from '../../../../src/domain/stats/readiness.ts';
import { ReadinessSection, type ReadinessSectionProps } from '../../../../src/features/stats/readiness-section.tsx';
import { DECKS, NOW, snapshotOf } from './stats-fixture.ts';

afterEach(cleanup);

const titleOf = (id: string) => DECKS.find((d) => d.id === id)?.title ?? id;

function renderFor(examDate: string | null, onExamDate: ReadinessSectionProps['onExamDate'] = () => undefined) {
  const snapshot = snapshotOf(examDate);
  render(<ReadinessSection result={snapshot.readiness} settings={snapshot.settings} examDate={examDate} onExamDate={onExamDate} deckTitle={titleOf} now={NOW} />);
  return snapshot;
}

describe('<ReadinessSection/>', () => {
  it('asks for the date first, and saves the one chosen', async () => {
    const onExamDate = vi.fn();
    renderFor(null, onExamDate);
    expect(screen.getByText(/Set the date of your exam/)).toBeTruthy();
    const input = screen.getByLabelText('Exam date');
    expect(input.getAttribute('min')).toBe('2024-03-16');
    await userEvent.setup().type(input, '2024-04-14');
    expect(onExamDate).toHaveBeenLastCalledWith('2024-04-14');
  });

  it('predicts recall per deck and per topic and suggests reviews per day', () => {
    const snapshot = renderFor('2024-04-14');
    if (snapshot.readiness.status !== 'ready') throw new Error('expected a prediction');
    const { overall, byDeck, byGroup } = snapshot.readiness.readiness;
    expect(screen.getByText(/If you stop reviewing now/).textContent).toContain(`of your ${overall.cards} cards`);
    const deckTable = screen.getByRole('table', { name: 'By deck' });
    expect(within(deckTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Deck one', 'Deck two']);
    const deckOne = within(deckTable).getByRole('row', { name: /^Deck one/ });
    expect(within(deckOne).getAllByRole('cell')[3]?.textContent).toBe(`${byDeck[0]?.reviewsPerDay} (${byDeck[0]?.reviewsNeeded} in all)`);
    const topicTable = screen.getByRole('table', { name: 'By topic' });
    expect(within(topicTable).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(byGroup.map((g) => g.group));
  });

  it('lists what the prediction assumes, including the moment it is made for', () => {
    renderFor('2024-04-14');
    const list = within(screen.getByText('What the prediction assumes').closest('details')!).getAllByRole('listitem');
    expect(list.map((li) => li.textContent).slice(0, READINESS_ASSUMPTIONS.length)).toEqual([...READINESS_ASSUMPTIONS]);
    expect(list.at(-1)?.textContent).toContain('4:00 on the exam date');
  });

  it('says when the date has passed, and clears it', async () => {
    const onExamDate = vi.fn();
    renderFor('2024-03-01', onExamDate);
    expect(screen.getByText(/has passed/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Clear' }));
    expect(onExamDate).toHaveBeenCalledWith(null);
  });
});
