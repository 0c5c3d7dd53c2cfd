/**
 * The appearance setting (light, dark or follow the system), one row of the `settings`
 * table under the key "theme". Anything unexpected stored there reads as "system".
 */
import { db } from './database.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'theme';
const CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export async function readTheme(): Promise<ThemeChoice> {
  const value = (await db.settings.get(THEME_KEY))?.value;
  return CHOICES.find((choice) => choice === value) ?? 'system';
}

export async function saveTheme(choice: ThemeChoice): Promise<void> {
  await db.settings.put({ key: THEME_KEY, value: choice });
}
