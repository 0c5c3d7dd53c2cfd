/** Compile-time constants that vite.config.ts `define`s. */
declare const __APP_VERSION__: string;
