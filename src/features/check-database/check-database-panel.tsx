/**
 * The "Check database" part of the settings screen. Checking only reads; "Repair" is a second,
 * explicit step after the person has seen what is wrong, and is followed by a second check
 * whose result is shown, so the panel proves the repair rather than asserting it.
 */
import { ErrorBanner } from '../../components/error-banner.tsx';
import { problemCount } from '../../db/check-database.ts';
import { CheckReportView, reportSummary } from './check-report-view.tsx';
import { useCheckDatabase } from './use-check-database.ts';

const RUNNING_LABEL = { check: 'Checking…', repair: 'Repairing…', verify: 'Checking the repair…' } as const;

export function CheckDatabasePanel() {
  const { state, check, repair } = useCheckDatabase();
  const running = state.status === 'running';

  return (
    <section className="check-database" aria-labelledby="check-database-title">
      <h2 id="check-database-title">Check database</h2>
      <p className="muted">
        Replays each card’s review history through the scheduler and compares the result with its stored schedule, and
        looks for rows left without a card. Checking changes nothing.
      </p>
      <button type="button" className="button" onClick={check} disabled={running}>
        Check database
      </button>
      {state.status === 'running' && (
        <p role="status">
          {RUNNING_LABEL[state.action]}{' '}
          <progress aria-label="Database check progress" value={state.done} max={state.total} />
        </p>
      )}
      {state.status === 'checked' && (
        <>
          <CheckReportView report={state.report} />
          {problemCount(state.report) > 0 && (
            <button type="button" className="button primary" onClick={repair}>
              Repair
            </button>
          )}
        </>
      )}
      {state.status === 'repaired' && (
        <div role="status">
          <p>Repaired {state.repaired.repaired === 1 ? '1 row' : `${state.repaired.repaired} rows`}.</p>
          <p>Second check: {reportSummary(state.verified)}</p>
          {problemCount(state.verified) > 0 && <CheckReportView report={state.verified} />}
        </div>
      )}
      {state.status === 'failed' && <ErrorBanner message={state.message} onRetry={state.action === 'check' ? check : repair} />}
    </section>
  );
}
