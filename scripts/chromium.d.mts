/** Types of scripts/chromium.mjs, for playwright.config.ts and the TypeScript scripts. */
export declare const CHROMIUM_ARGS: readonly string[];
export declare function chromiumPath(): string;
export declare function chromiumVersion(): string;
