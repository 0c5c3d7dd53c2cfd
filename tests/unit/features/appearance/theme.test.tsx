// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { readTheme } from '../../../../src/db/theme-setting.ts';
import { ThemePicker } from '../../../../src/features/appearance/theme-picker.tsx';
import { useApplyTheme } from '../../../../src/features/appearance/use-apply-theme.ts';

function App() {
  useApplyTheme();
  return <ThemePicker />;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  delete document.documentElement.dataset.theme;
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('appearance', () => {
  it('follows the system until a theme is chosen, applies and stores the choice', async () => {
    const user = userEvent.setup();
    render(<App />);
    const system = screen.getByRole('radio', { name: 'Follow the system' }) as HTMLInputElement;
    await waitFor(() => expect(system.checked).toBe(true));
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(await readTheme()).toBe('dark');

    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    await user.click(system);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
    expect(await readTheme()).toBe('system');
  });

  it('starts from the stored choice', async () => {
    await db.settings.put({ key: 'theme', value: 'light' });
    render(<App />);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect((screen.getByRole('radio', { name: 'Light' }) as HTMLInputElement).checked).toBe(true);
  });
});
