/** When the last backup was exported (epoch ms), null when never, undefined while loading; live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { lastBackupAt } from '../../db/backup.ts';

export function useLastBackup(): number | null | undefined {
  return useLiveQuery(lastBackupAt, []);
}
