/**
 * Wraps the app: files dropped anywhere start an import, an overlay says where they will go
 * while they are dragged, and this is where the import preview and the result notice live,
 * so they work on every screen.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { startImport } from './import-actions.ts';
import { useImportStore } from './import-store.ts';
import { ImportNotice } from './import-notice.tsx';
import { useFileDrop } from './use-file-drop.ts';
import './import.css';

// The preview is only needed once files are chosen: keep it out of the first page load.
const ImportPreview = lazy(() => import('./import-preview.tsx').then((m) => ({ default: m.ImportPreview })));

export function ImportDropZone({ children }: { children: ReactNode }) {
  const dragging = useFileDrop(startImport);
  const open = useImportStore((state) => state.files.length > 0);
  return (
    <>
      {children}
      {dragging && (
        <div className="drop-overlay">
          <p>Drop deck files to import</p>
        </div>
      )}
      {open && (
        <Suspense fallback={null}>
          <ImportPreview />
        </Suspense>
      )}
      <ImportNotice />
    </>
  );
}
