/**
 * The browser's keyboard shortcuts, as Anki's reviewer has them: `@` suspends (or, when all
 * are suspended, unsuspends) and `-` buries (or unburies). They act on the card open in
 * detail, else on the selected cards, else on the card whose row has focus. Keys typed
 * into a text field are left alone; a focused checkbox or button does not count as typing.
 */
import { useEffect, useEffectEvent } from 'react';

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'date', 'email', 'url', 'tel', 'password']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type);
}

/** The card id of the list row holding `element`, if any. */
function rowCardId(element: Element | null): string | null {
  const row = element?.closest<HTMLElement>('[data-card-id]');
  return row?.dataset.cardId ?? null;
}

export interface BrowseKeyHandlers {
  /** The cards a shortcut acts on, given the card whose row has focus (if any). */
  targets: (focusedCardId: string | null) => string[];
  suspend: (ids: string[]) => void;
  bury: (ids: string[]) => void;
  enabled: boolean;
}

export function useBrowseKeys(handlers: BrowseKeyHandlers): void {
  // An effect event always sees the latest render's handlers (updated at commit, before a key
  // press can arrive), while the listener itself is added once.
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const { targets, suspend, bury, enabled } = handlers;
    if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    if (event.key !== '@' && event.key !== '-') return;
    const ids = targets(rowCardId(document.activeElement));
    if (ids.length === 0) return;
    event.preventDefault();
    if (event.key === '@') suspend(ids);
    else bury(ids);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
