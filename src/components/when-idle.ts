/**
 * Runs `work` once the browser has nothing more urgent to do (after the next paint at the
 * earliest), for work a person will not notice waiting. `timeLeft` says how many milliseconds
 * the browser expects to stay idle, for work done in pieces. Returns a function that cancels it.
 * Safari has no requestIdleCallback: a short timer stands in, and reports no time left.
 */
export function whenIdle(work: (timeLeft: () => number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((deadline) => work(() => deadline.timeRemaining()), { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => work(() => 0), 50);
  return () => clearTimeout(id);
}
