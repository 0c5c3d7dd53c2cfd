// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import './chart-stubs.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { StatsSections } from '../../../../src/features/stats/stats-sections.tsx';
import { snapshotOf } from './stats-fixture.ts';

afterEach(cleanup);

const section = (name: string) => screen.getByRole('region', { name });
const rowOf = (table: HTMLElement, header: string) => within(table).getByRole('row', { name: new RegExp(`^${header}\\b`) });

describe('<StatsSections/>', () => {
  it('shows today: cards, answers, time spent and the Again rate', () => {
    render(<StatsSections snapshot={snapshotOf()} />);
    const today = section('Today');
    // Rows 10–16 of the fixture: 7 answers to 5 cards, 45 s, 3 Again.
    expect(within(today).getByText('Cards studied').nextSibling?.textContent).toBe('5');
    expect(within(today).getByText('Answers').nextSibling?.textContent).toBe('7');
    expect(within(today).getByText('Time spent').nextSibling?.textContent).toBe('45 s');
    expect(within(today).getByText('Again rate').nextSibling?.textContent).toMatch(/42\.9\s?%/);
  });

  it('describes the calendar in words and gives each day a square', () => {
    render(<StatsSections snapshot={snapshotOf()} />);
    const calendar = within(section('Review calendar')).getByRole('img');
    // 15 of the 17 answers fall in the past 365 days (the two of March 2023 do not).
    expect(calendar.getAttribute('aria-label')).toContain('15 answers on 7 days of the past 365.');
    expect(calendar.querySelectorAll('.heat-cell:not(.pad)')).toHaveLength(365);
  });

  it('gives the forecast as a table too, and switches between 30 and 90 days', async () => {
    const user = userEvent.setup();
    render(<StatsSections snapshot={snapshotOf()} />);
    const forecast = section('Due forecast');
    const table = () => within(forecast).getByRole('table');
    expect(within(table()).getAllByRole('row')).toHaveLength(31);
    // Today: a, b (overdue), e, j due; d is suspended, i buried until tomorrow.
    expect(within(table()).getAllByRole('row')[1]?.textContent).toMatch(/4$/);
    await user.click(within(forecast).getByRole('button', { name: '90 days' }));
    expect(within(forecast).getByRole('button', { name: '90 days' }).getAttribute('aria-pressed')).toBe('true');
    expect(within(table()).getAllByRole('row')).toHaveLength(91);
  });

  it('shows true retention for young and mature cards by period', () => {
    render(<StatsSections snapshot={snapshotOf()} />);
    const table = within(section('True retention')).getByRole('table');
    // Today's review answers: rows 10 (Again, mature), 12 (Hard, young), 13 (Good, mature), 16 (Again, young).
    const today = rowOf(table, 'Today');
    expect(within(today).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      expect.stringMatching(/^50\.0\s?% \(1\/2\)$/),
      expect.stringMatching(/^50\.0\s?% \(1\/2\)$/),
      expect.stringMatching(/^50\.0\s?% \(2\/4\)$/),
    ]);
  });

  it('counts cards by state, answer buttons, and retention per topic and tag', () => {
    render(<StatsSections snapshot={snapshotOf()} />);
    const counts = section('Card counts');
    expect(within(counts).getByText('Total').nextSibling?.textContent).toBe('10');
    expect(within(counts).getByText('Suspended').nextSibling?.textContent).toBe('1');

    const buttons = within(section('Answer buttons')).getByRole('table');
    const learning = within(rowOf(buttons, 'Learning')).getAllByRole('cell').map((c) => c.textContent);
    // Learning answers: rows 1, 4, 9, 11, 14, 15 → Again 1, Good 5.
    expect(learning.slice(0, 4)).toEqual(['1', '0', '5', '0']);

    const topics = within(section('Retention by topic')).getByRole('table');
    expect(within(topics).getAllByRole('row').map((r) => within(r).queryByRole('rowheader')?.textContent).slice(1)).toEqual(['iam', 's3']);
    expect(within(section('Retention by tag')).getByRole('rowheader', { name: 'exam' })).toBeTruthy();
  });

  it('gives every distribution chart a table and a mean', () => {
    render(<StatsSections snapshot={snapshotOf()} />);
    const memory = section('Memory');
    const tables = within(memory).getAllByRole('table');
    expect(tables.map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'Interval: cards per range',
      'Stability: cards per range',
      'Difficulty: cards per range',
      'Retrievability now: cards per range',
    ]);
    expect(within(tables[2]!).getAllByRole('row')).toHaveLength(10);
    // Difficulty of the eight studied cards: (5.5 + 7.2 + 3 + 4 + 6 + 2 + 9.5 + 10) / 8.
    expect(within(memory).getByText(/8 studied cards; mean 5\.90\./)).toBeTruthy();
  });

  it('says so where there is nothing to show', () => {
    render(<StatsSections snapshot={snapshotOf(null, true)} />);
    expect(screen.getByText('Nothing studied yet today.')).toBeTruthy();
    expect(screen.getByText('No answers in the past year yet.')).toBeTruthy();
    expect(screen.getByText('No cards are scheduled for review yet.')).toBeTruthy();
    expect(screen.getByText(/No answers to review cards yet/)).toBeTruthy();
    expect(screen.getByText('No cards yet.')).toBeTruthy();
    expect(screen.getByText('No answers yet.')).toBeTruthy();
    expect(screen.queryAllByRole('table')).toHaveLength(0);
  });
});
