// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { saveDeckVersion } from '../../../../src/db/deck-writes.ts';
import { parse } from '../../../../src/domain/deck/parse.ts';
import { ImportButton } from '../../../../src/features/import/import-button.tsx';
import { ImportDropZone } from '../../../../src/features/import/import-drop-zone.tsx';
import { connectImportChannel, resetImport } from '../../../../src/features/import/import-actions.ts';
import type { ImportChannel, ImportEvent } from '../../../../src/workers/import-protocol.ts';
import { createImportSession } from '../../../../src/workers/import-session.ts';

/** The worker's code, run in-process: real parsing, real (fake-indexeddb) database. */
function inProcessChannel(): ImportChannel {
  let listener: ((event: ImportEvent) => void) | null = null;
  const handle = createImportSession((event) => listener?.(event));
  return {
    send: (request) => void handle(request),
    listen(onEvent) {
      listener = onEvent;
      return () => {
        listener = null;
      };
    },
  };
}

const file = (name: string, text: string) => new File([text], name, { type: 'text/plain' });
const GEOGRAPHY = 'Geography\nCapital of France?\nEurope\n- Paris\nCapital of Peru?\nAmericas\n- Lima\n';

async function choose(...files: File[]) {
  const user = userEvent.setup();
  await user.upload(screen.getByLabelText('Import deck'), files);
  await screen.findByRole('dialog');
  return user;
}

/** Saving in jsdom with fake-indexeddb can take longer than waitFor's default second. */
const SAVED = { timeout: 5000 };
const dialog = () => screen.getByRole('dialog');
const confirmButton = () => screen.getByRole('button', { name: 'Confirm import' });
const deckIds = async () => (await db.decks.toArray()).map((d) => d.id).sort();

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  resetImport();
  connectImportChannel(inProcessChannel());
  render(
    <ImportDropZone>
      <ImportButton />
    </ImportDropZone>,
  );
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('import preview', { timeout: 20_000 }, () => {
  it('shows the deck before saving anything, then saves it on confirm', async () => {
    const user = await choose(file('geo.txt', GEOGRAPHY));
    expect(screen.getByRole('dialog', { name: 'Import a deck file' })).toBe(dialog());
    const deck = await within(dialog()).findByRole('region', { name: 'Deck Geography' });
    expect((within(deck).getByLabelText('Deck title') as HTMLInputElement).value).toBe('Geography');
    expect(deck.textContent).toContain('New deck (id geography) · 2 cards');
    expect(within(deck).getByLabelText('Tags').textContent).toContain('#Americas (1)#Europe (1)');
    expect(await deckIds()).toEqual([]);

    await user.click(confirmButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SAVED);
    expect(screen.getByRole('status').textContent).toContain('Imported “Geography”: 2 cards.');
    expect(await deckIds()).toEqual(['geography']);
  });

  it('refuses a whole-file problem in an alert that names the file, and Cancel leaves everything as it was', async () => {
    const user = await choose(file('empty.txt', ''));
    expect((await screen.findByRole('alert')).textContent).toContain('empty.txt is empty: there is nothing to import.');
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);
    expect(dialog().textContent).toContain('empty.txt has errors and cannot be imported.');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await deckIds()).toEqual([]);
  });

  it('lists every diagnostic with its line; errors block the import, warnings do not', async () => {
    await choose(file('bad.txt', '- orphan item\nQ?\n- a\n'));
    const problems = await screen.findByRole('list', { name: 'Problems in bad' });
    expect(problems.textContent).toContain('Error bad.txt, line 1: list item before any question; it is left out');
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);

    resetImport();
    await choose(file('dup.txt', 'Deck\nQ?\n- a\nQ?\n- b\n'));
    const warnings = await screen.findByRole('list', { name: 'Problems in Deck' });
    expect(warnings.textContent).toContain('Warning dup.txt, line 4: duplicate question');
    await waitFor(() => expect((confirmButton() as HTMLButtonElement).disabled).toBe(false));
  });

  it('previews an update of a deck already here: counts, and the questions that will be hidden', async () => {
    await saveDeckVersion(parse('Geography\nCapital of France?\n- Paris\nCapital of Spain?\n- Madrid\nCapital of Peru?\n- Lima\n', 'geo.txt'), {
      builtIn: false,
      contentHash: '',
      now: new Date(),
    });
    await choose(file('geo-v2.txt', 'Geography\nCapital of France?\n- Paris\nCapital of Peru?\n- Lima, on the coast\nCapital of Chile?\n- Santiago\n'));
    const deck = await within(dialog()).findByRole('region', { name: 'Deck Geography' });
    expect(deck.textContent).toContain('Updates the existing deck “Geography”');
    const counts = within(deck).getByLabelText('What importing changes');
    expect(counts.textContent).toContain('Added1Changed1Unchanged1Removed1');
    expect(deck.textContent).toContain('1 card no longer in the file will be hidden (their history is kept)');
    expect(within(deck).getByRole('listitem').textContent).toContain('Capital of Spain?');
  });

  it('renaming a deck changes its id: an update becomes a new deck, and that is what is saved', async () => {
    await saveDeckVersion(parse(GEOGRAPHY, 'geo.txt'), { builtIn: false, contentHash: '', now: new Date() });
    const user = await choose(file('geo.txt', GEOGRAPHY));
    const title = await within(dialog()).findByLabelText('Deck title');
    expect(dialog().textContent).toContain('Updates the existing deck “Geography”');
    await user.clear(title);
    expect(dialog().textContent).toContain('Every deck needs a title.');
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);
    await user.type(title, 'World capitals');
    await waitFor(() => expect(dialog().textContent).toContain('New deck (id world-capitals) · 2 cards'));
    await user.click(confirmButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SAVED);
    expect(await deckIds()).toEqual(['geography', 'world-capitals']);
  });

  it('reads the file again in the format the person picks', async () => {
    const user = await choose(file('words.txt', 'hola, hello\nadiós, goodbye\ngracias, thank you\n'));
    const format = await screen.findByLabelText('Format');
    await waitFor(() => expect(format.textContent).toContain('Detect automatically (CSV (comma-separated))'));
    expect((await within(dialog()).findByRole('region', { name: /^Deck / })).textContent).toContain('3 cards');
    // As deck text, the first line is the title and the other two lines make one card.
    await user.selectOptions(format, 'retain');
    await waitFor(() => expect(within(dialog()).getByRole('region', { name: 'Deck hola, hello' }).textContent).toContain('1 card'));
    await user.selectOptions(format, 'csv');
    await waitFor(() => expect(within(dialog()).getByRole('region', { name: /^Deck / }).textContent).toContain('3 cards'));
  });

  it('imports several files at once, and refuses two decks that would get the same id', async () => {
    const user = await choose(file('a.txt', 'Alpha\nQ?\n- a\n'), file('b.txt', 'Beta\nR?\n- b\n'));
    expect(screen.getByRole('dialog', { name: 'Import 2 files' })).toBe(dialog());
    await waitFor(() => expect(within(dialog()).getAllByLabelText('Deck title')).toHaveLength(2));
    const titles = within(dialog()).getAllByLabelText('Deck title');
    await user.clear(titles[1]!);
    await user.type(titles[1]!, 'ALPHA');
    await waitFor(() => expect(dialog().textContent).toContain('“Alpha” and “ALPHA” would both become the deck “alpha”. Give one of them another title.'));
    expect((confirmButton() as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove b.txt from this import' }));
    await user.click(confirmButton());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), SAVED);
    expect(await deckIds()).toEqual(['alpha']);
  });

  it('Escape cancels the import', async () => {
    const user = await choose(file('geo.txt', GEOGRAPHY));
    // (jsdom has no showModal(), so focus is put in the dialog by hand, as a browser would.)
    await user.click(await within(dialog()).findByLabelText('Deck title'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await deckIds()).toEqual([]);
  });
});
