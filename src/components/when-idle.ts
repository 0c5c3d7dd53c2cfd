/**
 * Runs `work` once the browser has nothing more urgent to do (after the next paint at the
 * earliest), for work a person will not notice waiting. Returns a function that cancels it.
 * Safari has no requestIdleCallback: a short timer stands in.
 */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 50);
  return () => clearTimeout(id);
}
