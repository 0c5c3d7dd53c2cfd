/**
 * The storage part of the settings screen: is Retain's data persistent, how much it uses, what
 * that means, and the remedy either way (a backup export).
 */
import { useState } from 'react';
import { formatBytes } from './format-bytes.ts';
import { useStorageStatus } from './use-storage-status.ts';

function Usage({ usage, quota }: { usage: number | null; quota: number | null }) {
  if (usage === null) return <dd>Not reported by this browser</dd>;
  return (
    <dd>
      {formatBytes(usage)}
      {quota !== null && <span className="muted"> of about {formatBytes(quota)} available</span>}
    </dd>
  );
}

export function StorageStatus() {
  const { status, askToPersist } = useStorageStatus();
  const [asking, setAsking] = useState(false);

  const ask = () => {
    setAsking(true);
    void askToPersist().finally(() => setAsking(false));
  };

  return (
    <section className="storage-status" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      {status.kind === 'loading' && <p className="muted">Checking storage…</p>}
      {status.kind === 'unsupported' && (
        <p>This browser does not say whether it keeps Retain’s data. Export a backup now and then so you can restore it.</p>
      )}
      {status.kind === 'known' && (
        <>
          <dl className="storage-facts">
            <dt>Persistent storage</dt>
            <dd>{status.persisted ? 'Yes' : 'No'}</dd>
            <dt>Used</dt>
            <Usage usage={status.usage} quota={status.quota} />
          </dl>
          {status.persisted ? (
            <p>
              The browser keeps your decks and review history until you delete them yourself. They live only on this
              device, so a backup export is still your copy if the device is lost or the browser data is cleared.
            </p>
          ) : (
            <>
              <p>
                The browser may delete your decks and review history without asking when the device runs short of
                space, and Safari deletes a website’s data after seven days without a visit unless it is on the Home
                Screen. Installing Retain and using it regularly makes that unlikely. The remedy is a backup: export one
                now and then and keep it somewhere safe.
              </p>
              <button type="button" className="button" onClick={ask} disabled={asking}>
                Ask the browser to keep my data
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
