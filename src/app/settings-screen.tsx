/** App settings: appearance, storage, backup and the database check, composed from features. */
import { ThemePicker } from '../features/appearance/theme-picker.tsx';
import { BackupPanel } from '../features/backup/backup-panel.tsx';
import { CheckDatabasePanel } from '../features/check-database/check-database-panel.tsx';
import { StorageStatus } from '../features/pwa/storage-status.tsx';
import { VersionLabel } from '../features/pwa/version-label.tsx';

export function SettingsScreen() {
  return (
    <main className="screen settings" aria-labelledby="settings-title">
      <div className="screen-head">
        <h1 id="settings-title">Settings</h1>
      </div>
      <div className="settings-sections">
        <ThemePicker />
        <StorageStatus />
        <BackupPanel />
        <CheckDatabasePanel />
        <VersionLabel />
      </div>
    </main>
  );
}
