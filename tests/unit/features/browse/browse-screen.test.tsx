// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { loadStudyBatch } from '../../../../src/db/study-reads.ts';
import { recordAnswer } from '../../../../src/db/study-writes.ts';
import type { DeckCard } from '../../../../src/domain/deck/types.ts';
import { createScheduler } from '../../../../src/domain/scheduling/scheduler.ts';
import { DEFAULT_DECK_SETTINGS } from '../../../../src/domain/settings/deck-settings.ts';
import { BrowseScreen } from '../../../../src/features/browse/browse-screen.tsx';
import { initialBrowseState, useBrowseStore } from '../../../../src/features/browse/browse-store.ts';

const NOW = new Date();
const card = (id: string, question: string, answer: string, extra: Partial<DeckCard> = {}): DeckCard => ({
  id,
  question,
  answer,
  tags: [],
  topics: [],
  line: 1,
  ...extra,
});

const CARDS: DeckCard[] = [
  card('eb', 'What is Elastic Beanstalk?', '- Developer-centric view of deploying an app', { topics: ['Elastic Beanstalk'], line: 2 }),
  card('edge', 'What is Lambda@Edge?', '- Runs functions at CloudFront edge locations', { topics: ['Lambda', 'CloudFront'], line: 7 }),
  card('sqs', 'What is a dead-letter queue?', '- Holds messages that failed processing', { topics: ['SQS'], tags: ['exam'], line: 12 }),
  card('leech', 'Which ports does X-Ray use?', '- UDP 2000', { topics: ['X-Ray'], tags: ['leech'], line: 20 }),
];

async function save(cards: DeckCard[], deckId = 'd', title = 'AWS') {
  await saveDeckVersion({ id: deckId, title, sourceFile: `${deckId}.txt`, cards, diagnostics: [] }, { builtIn: false, contentHash: '', now: NOW });
}

/** Answers the first new card of deck `d` Good, so it has a memory state and a history. */
async function studyFirst() {
  const batch = await loadStudyBatch('d', DEFAULT_DECK_SETTINGS, NOW);
  await recordAnswer(createScheduler().answer(batch.newCards[0]!, 3, NOW, 1000));
}

const rows = () => screen.queryAllByRole('listitem').filter((item) => item.classList.contains('browse-row'));
const rowQuestions = () => rows().map((row) => within(row).getAllByRole('button')[0]!.textContent);

beforeEach(async () => {
  useBrowseStore.setState(initialBrowseState, true);
  await db.delete();
  await db.open();
  await save(CARDS);
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('<BrowseScreen/>', () => {
  it('lists the deck’s cards with their topics and tags, and searches as you type', async () => {
    const user = userEvent.setup();
    render(<BrowseScreen deckId="d" />);
    expect(await screen.findByText('4 cards')).toBeTruthy();
    expect(rowQuestions()).toEqual(['What is Elastic Beanstalk?', 'What is Lambda@Edge?', 'What is a dead-letter queue?', 'Which ports does X-Ray use?']);
    expect(within(rows()[1]!).getByText('CloudFront')).toBeTruthy();
    expect(within(rows()[2]!).getByText('#exam')).toBeTruthy();

    await user.type(screen.getByLabelText('Search cards'), 'clou');
    expect(await screen.findByText('1 card of 4 match')).toBeTruthy();
    expect(rowQuestions()).toEqual(['What is Lambda@Edge?']);

    await user.clear(screen.getByLabelText('Search cards'));
    await user.type(screen.getByLabelText('Search cards'), 'what is');
    expect(await screen.findByText('3 cards of 4 match')).toBeTruthy();
    await user.type(screen.getByLabelText('Search cards'), ' nothing');
    expect(await screen.findByText('No cards match. Try fewer words or clear the filters.')).toBeTruthy();
  });

  it('filters by topic, tag, state and leech', async () => {
    const user = userEvent.setup();
    await studyFirst();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');

    await user.selectOptions(screen.getByLabelText('Topic'), 'Lambda (1)');
    expect(rowQuestions()).toEqual(['What is Lambda@Edge?']);
    await user.selectOptions(screen.getByLabelText('Topic'), 'Any');
    await user.selectOptions(screen.getByLabelText('Tag'), 'exam (1)');
    expect(rowQuestions()).toEqual(['What is a dead-letter queue?']);
    await user.selectOptions(screen.getByLabelText('Tag'), 'Any');

    await user.selectOptions(screen.getByLabelText('State'), 'Learning');
    expect(rowQuestions()).toEqual(['What is Elastic Beanstalk?']);
    await user.click(screen.getByRole('checkbox', { name: 'Due today' }));
    expect(rowQuestions()).toEqual(['What is Elastic Beanstalk?']);
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(rows()).toHaveLength(4);

    await user.click(screen.getByRole('checkbox', { name: 'Leeches' }));
    expect(rowQuestions()).toEqual(['Which ports does X-Ray use?']);
  });

  it('suspends the selection by button, and the focused row with @; the filter finds them', async () => {
    const user = userEvent.setup();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');

    await user.click(screen.getByRole('checkbox', { name: 'Select: What is Elastic Beanstalk?' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select: What is a dead-letter queue?' }));
    const actions = screen.getByRole('group', { name: 'Actions on 2 selected cards' });
    await user.click(within(actions).getByRole('button', { name: /^Suspend/ }));
    expect(await screen.findByText('Suspended 2 cards.')).toBeTruthy();
    expect(await db.states.get('eb')).toMatchObject({ suspended: 1, queue: 'off' });
    expect(await db.states.get('sqs')).toMatchObject({ suspended: 1, queue: 'off' });
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));

    // Keyboard: focus on the X-Ray row's checkbox (a checkbox is not a text field), then @.
    screen.getByRole('checkbox', { name: 'Select: Which ports does X-Ray use?' }).focus();
    await user.keyboard('@');
    expect(await screen.findByText('Suspended 1 card.')).toBeTruthy();
    expect(await db.states.get('leech')).toMatchObject({ suspended: 1 });

    await user.click(screen.getByRole('checkbox', { name: 'Suspended' }));
    expect(rowQuestions()).toEqual(['What is Elastic Beanstalk?', 'What is a dead-letter queue?', 'Which ports does X-Ray use?']);
  });

  it('does not take @ typed into the search box as a shortcut', async () => {
    const user = userEvent.setup();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');
    await user.click(screen.getByRole('checkbox', { name: 'Select: What is Elastic Beanstalk?' }));
    await user.type(screen.getByLabelText('Search cards'), 'lambda@');
    expect((screen.getByLabelText('Search cards') as HTMLInputElement).value).toBe('lambda@');
    expect(await db.states.get('eb')).toMatchObject({ suspended: 0 });
  });

  it('opens a card’s detail: source, memory state, history; buries it with - and returns focus to its row', async () => {
    const user = userEvent.setup();
    await studyFirst();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');

    await user.click(screen.getByRole('button', { name: 'What is Elastic Beanstalk?' }));
    const heading = await screen.findByRole('heading', { name: 'Card details' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText(/d\.txt, line 2/)).toBeTruthy();
    const facts = screen.getByText('Stability').closest('dl')!;
    expect(within(facts).getByText('Learning')).toBeTruthy();
    expect(within(facts).getByText(/^\d+\.\d days$/)).toBeTruthy();
    expect(within(facts).getByText(/^\d+\.\d of 10$/)).toBeTruthy();
    expect(within(facts).getByText(/^\d+%$/)).toBeTruthy();
    const history = await screen.findByRole('table');
    expect(within(history).getAllByRole('row')).toHaveLength(2);
    expect(within(history).getByText('Good')).toBeTruthy();
    expect(within(history).getByText('10m')).toBeTruthy();

    await user.keyboard('-');
    expect(await screen.findByText('Buried 1 card until the next study day.')).toBeTruthy();
    expect(await screen.findByText('Learning, buried until the next study day')).toBeTruthy();
    expect((await db.states.get('eb'))?.buriedUntil).toBeGreaterThan(Date.now());

    await user.click(screen.getByRole('button', { name: '← Back to the list' }));
    const rowButton = await screen.findByRole('button', { name: 'What is Elastic Beanstalk?' });
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(document.activeElement).toBe(rowButton);
  });

  it('asks before resetting progress, then resets and keeps the history', async () => {
    const user = userEvent.setup();
    await studyFirst();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');
    await user.click(screen.getByRole('button', { name: 'What is Elastic Beanstalk?' }));
    await screen.findByRole('heading', { name: 'Card details' });

    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    expect(screen.getByText(/Reset 1 card to new\?/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await db.states.get('eb')).toMatchObject({ phase: 'learning' });

    await user.click(screen.getByRole('button', { name: 'Reset progress…' }));
    await user.click(screen.getByRole('button', { name: 'Reset progress' }));
    expect(await screen.findByText('Reset 1 card to new. Review history is kept.')).toBeTruthy();
    expect(await db.states.get('eb')).toMatchObject({ phase: 'new', queue: 'new', reps: 0 });
    expect(await db.reviews.where('cardId').equals('eb').count()).toBe(1);
  });

  it('sets a due date on studied cards and says which new cards were left alone', async () => {
    const user = userEvent.setup();
    await studyFirst();
    render(<BrowseScreen deckId="d" />);
    await screen.findByText('4 cards');
    await user.click(screen.getByRole('checkbox', { name: /^Select all 4 matching cards/ }));
    await user.click(screen.getByRole('button', { name: 'Set due date…' }));
    const date = new Date(NOW.getFullYear(), NOW.getMonth(), NOW.getDate() + 7);
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    await user.type(screen.getByLabelText('Due date'), day);
    await user.click(screen.getByRole('button', { name: 'Set due date' }));
    expect(await screen.findByText(/^1 card now due on .+\. 3 new cards were left alone: new cards have no due date\.$/)).toBeTruthy();
    const due = new Date((await db.states.get('eb'))!.due);
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()]).toEqual([date.getFullYear(), date.getMonth(), date.getDate(), 4]);
  });

  it('shows at most 100 rows at a time, with pages, and selects every matching card', async () => {
    const user = userEvent.setup();
    await save(
      Array.from({ length: 250 }, (_, i) => card(`m${i}`, `Many ${i}?`, '- x')),
      'm',
      'Many',
    );
    render(<BrowseScreen deckId="m" />);
    expect(await screen.findByText('250 cards')).toBeTruthy();
    expect(rows()).toHaveLength(100);
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(rowQuestions()[0]).toBe('Many 100?');
    await user.click(screen.getByRole('button', { name: 'Next →' }));
    expect(rows()).toHaveLength(50);

    await user.click(screen.getByRole('checkbox', { name: /^Select all 250 matching cards/ }));
    expect(screen.getByRole('group', { name: 'Actions on 250 selected cards' })).toBeTruthy();
    // A search narrows what the selection acts on to what is listed.
    await user.type(screen.getByLabelText('Search cards'), '249');
    expect(await screen.findByRole('group', { name: 'Actions on 1 selected card' })).toBeTruthy();
  }, 30_000);

  it('browses every deck, naming each card’s deck', async () => {
    await save([card('x', 'Other deck question?', '- y')], 'o', 'Other');
    render(<BrowseScreen deckId={null} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'All cards' })).toBeTruthy();
    expect(await screen.findByText('5 cards')).toBeTruthy();
    const other = rows().find((row) => row.textContent?.includes('Other deck question?'))!;
    expect(within(other).getByText('Other')).toBeTruthy();
  });
});
