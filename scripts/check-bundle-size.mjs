/** The initial-JavaScript budget, checked on every `npm test` so a regression fails CI. */
import { INITIAL_JS_BUDGET_BYTES, initialJavaScript } from './initial-js.mjs';

const result = initialJavaScript();
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
for (const file of result.files) console.log(`  ${file.file}: ${kb(file.gzipBytes)} gzip`);
console.log(`Initial JavaScript: ${kb(result.gzipBytes)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)})`);
let failed = false;
if (result.gzipBytes > INITIAL_JS_BUDGET_BYTES) {
  console.error(`Initial JavaScript is over budget by ${kb(result.gzipBytes - INITIAL_JS_BUDGET_BYTES)}.`);
  failed = true;
}
if (result.lazyCodeFound.length > 0) {
  console.error(`Statistics/optimiser code is in the initial JavaScript: ${result.lazyCodeFound.join(', ')}`);
  failed = true;
}
process.exit(failed ? 1 : 0);
