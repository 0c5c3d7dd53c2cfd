/** The import worker behind the ImportChannel interface: one worker, started on first use. */
import type { ImportChannel, ImportEvent } from '../../workers/import-protocol.ts';

export function createWorkerChannel(): ImportChannel {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
  let listener: ((event: ImportEvent) => void) | null = null;
  worker.addEventListener('message', (message: MessageEvent<ImportEvent>) => listener?.(message.data));
  worker.addEventListener('error', (error) => {
    error.preventDefault();
    listener?.({ type: 'failed', message: `The import stopped unexpectedly (${error.message || 'the import worker failed'}). Nothing was changed; try again.` });
  });
  return {
    send: (request) => worker.postMessage(request),
    listen(onEvent) {
      listener = onEvent;
      return () => {
        listener = null;
      };
    },
  };
}
