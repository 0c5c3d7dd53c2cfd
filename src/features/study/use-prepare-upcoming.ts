/**
 * Parses, while the person reads a card, the Markdown the next screens will show: this card's
 * answer (shown on reveal) and the next cards' questions and answers (the next question is
 * shown right after an answer is saved). Then neither waits on the Markdown parser, which
 * costs about a millisecond per card. Only while the browser is idle, a little at a time, so
 * that a key press is never kept waiting behind a long task.
 */
import { useEffect } from 'react';
import { prepareMarkdown } from '../../components/markdown-view.tsx';
import { whenIdle } from '../../components/when-idle.ts';
import { upcomingCards } from '../../domain/queue/next-card.ts';
import type { Session } from './study-store.ts';

/** The card on screen and the two after it. */
const CARDS_AHEAD = 3;
/** About the longest one card's Markdown takes to parse on a slow phone. */
const PARSE_MS = 5;

export function usePrepareUpcoming(session: Session | null): void {
  useEffect(() => {
    if (!session) return undefined;
    const [current, ...next] = upcomingCards(session.queue, new Date(), CARDS_AHEAD).map((id) => session.cards.get(id));
    const sources = [current?.answer, ...next.flatMap((card) => [card?.question, card?.answer])].filter((s): s is string => s !== undefined);
    let cancel = () => {};
    const step = (timeLeft: () => number) => {
      // At least one per idle callback, more while the browser expects to stay idle.
      do {
        const source = sources.shift();
        if (source === undefined) return;
        prepareMarkdown([source]);
      } while (timeLeft() > PARSE_MS);
      cancel = whenIdle(step);
    };
    cancel = whenIdle(step);
    return () => cancel();
  }, [session]);
}
