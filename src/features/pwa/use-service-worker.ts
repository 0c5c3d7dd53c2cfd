/** Starts the service worker and tells a component whether a new version is waiting. */
import { useEffect, useSyncExternalStore } from 'react';
import { applyUpdate, isUpdateReady, startServiceWorker, subscribeToUpdates } from './service-worker.ts';

export interface ServiceWorkerState {
  updateReady: boolean;
  /** Activates the new version and reloads this tab. Only ever called from a person's click. */
  applyUpdate: () => void;
}

export function useServiceWorker(): ServiceWorkerState {
  useEffect(startServiceWorker, []);
  const updateReady = useSyncExternalStore(subscribeToUpdates, isUpdateReady, () => false);
  return { updateReady, applyUpdate };
}
