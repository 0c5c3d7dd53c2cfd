/**
 * The actions on one card or on the selected cards: suspend / unsuspend (`@`), bury /
 * unbury (`-`), reset progress (asks first: it throws away the memory state) and set a due
 * date (a date field, today or later).
 */
import { useState } from 'react';
import { studyDayKey } from '../../domain/scheduling/day.ts';
import type { CardSchedule } from '../../domain/scheduling/types.ts';
import { buryToggle, runCardAction, suspendToggle } from './card-action-runner.ts';
import { plural } from './format.ts';

export interface CardActionsBarProps {
  ids: readonly string[];
  schedules: ReadonlyMap<string, CardSchedule>;
  now: Date;
  busy: boolean;
  /** What the actions apply to, for the group's accessible name: "this card", "3 selected cards". */
  subject: string;
}

type Step = 'idle' | 'confirm-reset' | 'set-due';

export function CardActionsBar({ ids, schedules, now, busy, subject }: CardActionsBarProps) {
  const [step, setStep] = useState<Step>('idle');
  const [day, setDay] = useState('');
  const disabled = busy || ids.length === 0;
  const suspend = suspendToggle(ids, schedules);
  const bury = buryToggle(ids, schedules, now);
  // The local calendar date: the earliest a card can be made due.
  const today = studyDayKey(now, 0);

  return (
    <div className="card-actions" role="group" aria-label={`Actions on ${subject}`}>
      <div className="row">
        <button type="button" className="button" disabled={disabled} aria-keyshortcuts="@" onClick={() => void runCardAction(suspend, ids)}>
          {suspend.kind === 'suspend' ? 'Suspend' : 'Unsuspend'} <kbd>@</kbd>
        </button>
        <button type="button" className="button" disabled={disabled} aria-keyshortcuts="-" onClick={() => void runCardAction(bury, ids)}>
          {bury.kind === 'bury' ? 'Bury until tomorrow' : 'Unbury'} <kbd>-</kbd>
        </button>
        <button type="button" className="button" disabled={disabled} aria-expanded={step === 'set-due'} onClick={() => setStep(step === 'set-due' ? 'idle' : 'set-due')}>
          Set due date…
        </button>
        <button type="button" className="button danger" disabled={disabled} aria-expanded={step === 'confirm-reset'} onClick={() => setStep(step === 'confirm-reset' ? 'idle' : 'confirm-reset')}>
          Reset progress…
        </button>
      </div>
      {step === 'confirm-reset' && (
        <div className="confirm" role="group" aria-labelledby="reset-question">
          <p id="reset-question">
            Reset {plural(ids.length, 'card')} to new? What FSRS knows of your memory of {ids.length === 1 ? 'it' : 'them'} is lost; the review history is kept.
          </p>
          <div className="row">
            <button
              type="button"
              className="button danger"
              disabled={disabled}
              autoFocus
              onClick={() => {
                setStep('idle');
                void runCardAction({ kind: 'reset' }, ids);
              }}
            >
              Reset progress
            </button>
            <button type="button" className="button" onClick={() => setStep('idle')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {step === 'set-due' && (
        <form
          className="row due-form"
          onSubmit={(event) => {
            event.preventDefault();
            setStep('idle');
            void runCardAction({ kind: 'set-due', day }, ids);
          }}
        >
          <div className="field">
            <label htmlFor="due-date">Due date</label>
            <input id="due-date" type="date" required min={today} value={day} autoFocus aria-describedby="due-date-help" onChange={(event) => setDay(event.target.value)} />
          </div>
          <p id="due-date-help" className="muted small">
            Studied cards become due at the start of that day. New cards have no due date and are left alone.
          </p>
          <div className="row">
            <button type="submit" className="button primary" disabled={disabled || day === ''}>
              Set due date
            </button>
            <button type="button" className="button" onClick={() => setStep('idle')}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
