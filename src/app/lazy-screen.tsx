/**
 * A screen loaded on first use, so the first paint carries only what home needs, that can
 * also be asked to load early. Start-up loads the screen of the address the app opens on while
 * the database gets ready: that screen then renders at once instead of behind a "Loading…"
 * fallback, whose replacement React holds back for up to 300 ms to batch reveals.
 */
import { lazy, type ComponentType } from 'react';

export interface LazyScreen<P> {
  Screen: ComponentType<P>;
  /** Starts loading (once); resolves when the screen can render without suspending. */
  preload: () => Promise<unknown>;
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = component)));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    const Loaded = loaded ?? Lazy;
    return <Loaded {...props} />;
  }
  return { Screen, preload };
}
