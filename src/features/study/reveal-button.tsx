/** "Show answer", focused once it is on screen so that keyboard and screen-reader users land on it. */
import { useEffect, useRef } from 'react';
import { whenIdle } from '../../components/when-idle.ts';

export function RevealButton({ onReveal }: { onReveal: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  // Not autoFocus: focusing during React's commit makes the browser lay the page out right
  // then, delaying the paint of the card by that work. Once it is painted nobody notices;
  // preventScroll because the button is pinned on screen anyway.
  useEffect(() => whenIdle(() => button.current?.focus({ preventScroll: true })), []);
  return (
    <button ref={button} type="button" className="button primary reveal" onClick={onReveal} aria-keyshortcuts="Space Enter">
      Show answer <kbd>Space</kbd>
    </button>
  );
}
