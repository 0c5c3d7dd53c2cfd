/**
 * The HTTP headers the app needs from any host. `npm start` sends them; the README lists
 * them for other hosts. The same policy is in index.html as a <meta> tag (minus the
 * directives a meta tag cannot carry).
 *
 * - script-src 'self' 'wasm-unsafe-eval': no inline or remote script; WebAssembly (the FSRS
 *   optimiser) may compile.
 * - style-src 'self' 'unsafe-inline': React sets style attributes (progress bars, charts).
 * - COOP/COEP make the page cross-origin isolated, which WebAssembly threads need.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
