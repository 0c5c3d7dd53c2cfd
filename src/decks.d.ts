/** Typed view of the build-time deck step (build/vite-plugin-decks.ts). */
declare module 'virtual:retain-decks' {
  import type { Deck } from './domain/deck/types.ts';
  export interface BuiltInDeck {
    id: string;
    title: string;
    sourceFile: string;
    /** Changes whenever the deck's content changes. */
    hash: string;
    cardCount: number;
    load: () => Promise<Deck>;
  }
  export const builtInDecks: BuiltInDeck[];
}

declare module 'virtual:retain-deck-versions' {
  /** Each built-in deck's id and content hash, without its content: enough to tell whether it changed. */
  export const builtInDeckVersions: { id: string; hash: string }[];
}
