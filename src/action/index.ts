import { run } from "./run.js";

// The Action's entry point (dist/index.js once bundled): nothing but the call.
await run();
