/** What the last import did, announced politely and kept until dismissed. */
import { dismissNotice } from './import-actions.ts';
import { useImportStore } from './import-store.ts';

export function ImportNotice() {
  const notice = useImportStore((state) => state.notice);
  // The live region stays in the page so that screen readers announce the text put into it.
  return (
    <div role="status" className={notice === null ? 'import-notice empty' : 'import-notice'}>
      {notice !== null && (
        <>
          <p>{notice}</p>
          <button type="button" className="button" onClick={dismissNotice}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}
