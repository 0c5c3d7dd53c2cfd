/** The appearance section of the app settings: light, dark, or follow the system. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ErrorBanner } from '../../components/error-banner.tsx';
import { describeStorageError } from '../../db/storage-errors.ts';
import { readTheme, saveTheme, type ThemeChoice } from '../../db/theme-setting.ts';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function ThemePicker() {
  const saved = useLiveQuery(readTheme, []);
  // The choice shows as made at once; the saved value catches up a moment later.
  const [chosen, setChosen] = useState<ThemeChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const theme = chosen ?? saved;
  const choose = (choice: ThemeChoice) => {
    setError(null);
    setChosen(choice);
    saveTheme(choice).catch((cause: unknown) => {
      setChosen(null);
      setError(`The theme was not saved. ${describeStorageError(cause)}`);
    });
  };

  return (
    <section className="theme-picker" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset disabled={theme === undefined}>
        <legend>Theme</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="theme-choice">
            <input type="radio" name="theme" value={choice.value} checked={theme === choice.value} onChange={() => choose(choice.value)} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <p className="muted small">Animations are turned off when your system asks for reduced motion.</p>
      {error && <ErrorBanner message={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
