/**
 * Saving a deck's study settings. Settings are validated here as well as in the form: an
 * invalid value would otherwise reach the scheduler, which throws on it at the next study
 * session, far from the mistake.
 */
import { validateDeckSettings, type DeckSettings, type SettingsProblem } from '../domain/settings/deck-settings.ts';
import { db } from './database.ts';

export class InvalidSettingsError extends Error {
  constructor(readonly problems: SettingsProblem[]) {
    super(problems.map((problem) => problem.message).join(' '));
    this.name = 'InvalidSettingsError';
  }
}

export class DeckMissingError extends Error {
  constructor(deckId: string) {
    super(`There is no deck "${deckId}". It may have been deleted.`);
    this.name = 'DeckMissingError';
  }
}

/** Replaces the deck's settings; rejects (and writes nothing) when any value is invalid. */
export async function saveDeckSettings(deckId: string, settings: DeckSettings, now: Date): Promise<void> {
  const problems = validateDeckSettings(settings);
  if (problems.length > 0) throw new InvalidSettingsError(problems);
  await db.transaction('rw', db.decks, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new DeckMissingError(deckId);
    await db.decks.put({ ...deck, settings, updatedAt: now.getTime() });
  });
}
