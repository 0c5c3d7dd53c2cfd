/**
 * The version of the running build, as vite.config.ts defines it: package.json's version plus
 * an optional build id ("0.1.0+42"). Shown to the person so that "which version am I on?" has an
 * answer after an update.
 */
// Vitest does not apply vite.config.ts's `define`; fall back instead of throwing there.
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'development';
