import { main } from "../src/cli.js";

// `npm run demo|sandbox|report|reconcile -- …`: the `hotfix-bot` command run from source, so that npm scripts and
// the installed command share one argument parser (unknown options refused, `--help` on every command).
process.exitCode = await main(process.argv.slice(2));
