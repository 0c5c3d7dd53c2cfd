/**
 * The check-database panel's state: a check reads only; a repair is a separate, explicit step
 * (the person sees what will change first) and is followed at once by a second check, whose
 * result is what the panel shows — so "repaired" is a finding, not a promise.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { checkDatabase, type CheckReport } from '../../db/check-database.ts';
import { describeStorageError } from '../../db/storage-errors.ts';

export type CheckState =
  | { status: 'idle' }
  | { status: 'running'; action: 'check' | 'repair' | 'verify'; done: number; total: number }
  | { status: 'checked'; report: CheckReport }
  | { status: 'repaired'; repaired: CheckReport; verified: CheckReport }
  | { status: 'failed'; message: string; action: 'check' | 'repair' };

export interface CheckDatabase {
  state: CheckState;
  check: () => void;
  repair: () => void;
}

export function useCheckDatabase(): CheckDatabase {
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  // Runs one pass, reporting progress while the panel is still on screen.
  const pass = useCallback(async (action: 'check' | 'repair' | 'verify'): Promise<CheckReport> => {
    const show = (done: number, total: number) => mounted.current && setState({ status: 'running', action, done, total });
    show(0, 1);
    return checkDatabase({ now: new Date(), repair: action === 'repair', onProgress: show });
  }, []);

  const check = useCallback(() => {
    pass('check').then(
      (report) => mounted.current && setState({ status: 'checked', report }),
      (error: unknown) => mounted.current && setState({ status: 'failed', message: `The check did not finish. ${describeStorageError(error)}`, action: 'check' }),
    );
  }, [pass]);

  const repair = useCallback(() => {
    const run = async () => {
      const repaired = await pass('repair');
      const verified = await pass('verify');
      return { repaired, verified };
    };
    run().then(
      ({ repaired, verified }) => mounted.current && setState({ status: 'repaired', repaired, verified }),
      (error: unknown) => mounted.current && setState({ status: 'failed', message: `The repair did not finish. ${describeStorageError(error)}`, action: 'repair' }),
    );
  }, [pass]);

  return { state, check, repair };
}
