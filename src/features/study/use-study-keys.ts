/**
 * Study keyboard shortcuts, as in Anki: Space or Enter shows the answer, 1–4 answer,
 * U or Ctrl/Cmd+Z undoes. Keys typed into a form field are left alone.
 */
import { useEffect } from 'react';
import type { Rating } from '../../domain/scheduling/types.ts';

export interface StudyKeyHandlers {
  reveal: () => void;
  answer: (rating: Rating) => void;
  undo: () => void;
  revealed: boolean;
  enabled: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useStudyKeys({ reveal, answer, undo, revealed, enabled }: StudyKeyHandlers): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      if ((mod && event.key.toLowerCase() === 'z') || (!mod && (event.key === 'u' || event.key === 'U'))) {
        event.preventDefault();
        undo();
        return;
      }
      if (mod) return;
      if (!revealed && (event.key === ' ' || event.key === 'Enter')) {
        // Also stops Space/Enter from clicking whatever button has focus.
        event.preventDefault();
        reveal();
        return;
      }
      if (revealed && ['1', '2', '3', '4'].includes(event.key)) {
        event.preventDefault();
        answer(Number(event.key) as Rating);
      } else if (revealed && (event.key === ' ' || event.key === 'Enter') && !(event.target instanceof HTMLButtonElement)) {
        // Anki: Space/Enter on the answer side means Good.
        event.preventDefault();
        answer(3);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [reveal, answer, undo, revealed, enabled]);
}
