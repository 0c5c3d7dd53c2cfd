/**
 * Applies the appearance setting to the page: `data-theme="light"` or `"dark"` on <html>
 * (styles.css keys its colours on it), or no attribute to follow the system's
 * prefers-color-scheme. The app calls this once; it follows changes live.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { readTheme } from '../../db/theme-setting.ts';
import './appearance.css';

export function useApplyTheme(): void {
  const theme = useLiveQuery(readTheme, []);
  useEffect(() => {
    if (theme === undefined) return;
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
