/**
 * The import worker (a module worker): parsing a large file and previewing or committing it
 * happen here, off the main thread, so the page never freezes. All the logic is in
 * import-session.ts; this file only connects it to the worker's message port.
 */
import type { ImportEvent, ImportRequest } from './import-protocol.ts';
import { createImportSession } from './import-session.ts';

const handle = createImportSession((event: ImportEvent) => self.postMessage(event));

self.addEventListener('message', (message: MessageEvent<ImportRequest>) => {
  void handle(message.data);
});
