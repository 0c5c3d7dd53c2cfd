/** The exam date setting, read live (another tab may change it) and saved on change. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { readExamDate, saveExamDate } from '../../db/stats-reads.ts';

export interface ExamDateSetting {
  /** 'YYYY-MM-DD', null when none is set, undefined while loading. */
  examDate: string | null | undefined;
  setExamDate: (date: string | null) => void;
  error: string | null;
}

export function useExamDate(): ExamDateSetting {
  const examDate = useLiveQuery(readExamDate, []);
  const [error, setError] = useState<string | null>(null);
  const setExamDate = useCallback((date: string | null) => {
    setError(null);
    saveExamDate(date).catch((e: unknown) => setError(`The exam date could not be saved. ${e instanceof Error ? e.message : ''}`.trim()));
  }, []);
  return { examDate, setExamDate, error };
}
