/**
 * The current time, refreshed every `intervalMs`: counts change as learning cards fall due
 * and at the day boundary, even when nothing is written to the database.
 */
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}
