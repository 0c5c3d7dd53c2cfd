/**
 * "A new version is available" with a Reload button. Never reloads by itself: a session in
 * progress stays on screen until the person chooses to reload (answers are saved as they are
 * given, so reloading loses nothing). "Later" hides the prompt until the next start.
 */
import { useState } from 'react';
import { useServiceWorker } from './use-service-worker.ts';

export function UpdatePrompt() {
  const { updateReady, applyUpdate } = useServiceWorker();
  const [dismissed, setDismissed] = useState(false);
  const [reloading, setReloading] = useState(false);
  if (!updateReady || dismissed) return null;

  const reload = () => {
    setReloading(true);
    applyUpdate();
  };

  return (
    <div className="update-prompt" role="status">
      <p>A new version is available.</p>
      <div className="row">
        <button type="button" className="button primary" onClick={reload} disabled={reloading}>
          {reloading ? 'Reloading…' : 'Reload'}
        </button>
        <button type="button" className="button" onClick={() => setDismissed(true)}>
          Later
        </button>
      </div>
    </div>
  );
}
