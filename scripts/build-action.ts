import { rmSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildBundles } from "./bundles.js";

// `npm run build`: rebuilds the committed bundles in dist/ (the Action, the CLI and the App's server).
const dist = fileURLToPath(new URL("../dist", import.meta.url));
rmSync(dist, { recursive: true, force: true });
await buildBundles(dist);
console.log(`wrote dist/index.js (${statSync(`${dist}/index.js`).size} bytes), dist/cli/ and dist/app.js`);
