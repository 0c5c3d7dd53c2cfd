/**
 * What changing desired retention would cost: the estimated reviews a day over the next 30
 * days at the saved retention and at the one in the form (domain/scheduling/workload.ts,
 * a deterministic simulation over the deck's cards). Null while the deck's cards load or
 * when the typed retention is not a valid one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo } from 'react';
import { deckSchedules } from '../../db/browse-reads.ts';
import { estimateDailyWorkload } from '../../domain/scheduling/workload.ts';
import type { DeckSettings } from '../../domain/settings/deck-settings.ts';

export const WORKLOAD_DAYS = 30;

export interface WorkloadComparison {
  current: number;
  proposed: number;
}

export function useWorkloadEstimate(deckId: string, saved: DeckSettings, retention: number, newPerDay: number): WorkloadComparison | null {
  const schedules = useLiveQuery(() => deckSchedules(deckId), [deckId]);
  // The simulation takes a moment on large decks: let typing win.
  const proposedRetention = useDeferredValue(retention);
  const valid = proposedRetention >= 0.7 && proposedRetention <= 0.99;
  const perDay = Number.isInteger(newPerDay) && newPerDay >= 0 ? newPerDay : saved.newPerDay;
  const deferredNew = useDeferredValue(perDay);

  const estimate = useMemo(() => {
    if (!schedules) return null;
    const now = new Date();
    return (desiredRetention: number) =>
      estimateDailyWorkload({
        schedules,
        options: saved,
        desiredRetention,
        now,
        days: WORKLOAD_DAYS,
        newPerDay: deferredNew,
        dayStartHour: saved.dayStartHour,
      }).averagePerDay;
  }, [schedules, saved, deferredNew]);

  const current = useMemo(() => (estimate ? estimate(saved.desiredRetention) : null), [estimate, saved.desiredRetention]);
  const proposed = useMemo(() => (estimate && valid ? estimate(proposedRetention) : null), [estimate, valid, proposedRetention]);
  return current === null || proposed === null ? null : { current, proposed };
}
