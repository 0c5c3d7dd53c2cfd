/**
 * What uPlot needs in jsdom, which has no canvas drawing, matchMedia or ResizeObserver. Import
 * this first: uPlot reads matchMedia as soon as it is loaded. The charts' drawing is not tested
 * in jsdom; what they give screen readers (their hidden tables) is.
 */
const context = new Proxy({} as Record<string | symbol, unknown>, {
  get: (target, key) => (key in target ? target[key] : key === 'measureText' ? () => ({ width: 8 }) : () => undefined),
});
HTMLCanvasElement.prototype.getContext = (() => context) as unknown as HTMLCanvasElement['getContext'];
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => undefined,
  removeListener: () => undefined,
  addEventListener: () => undefined,
  removeEventListener: () => undefined,
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
// uPlot builds its bars as Path2D objects and hands them to the (stubbed) context.
globalThis.Path2D ??= function Path2D() {
  return new Proxy({}, { get: () => () => undefined });
} as unknown as typeof Path2D;
