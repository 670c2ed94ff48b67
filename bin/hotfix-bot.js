#!/usr/bin/env node
// The `hotfix-bot` command: runs the bundled CLI (dist/cli/cli.js, built by `npm run build`).
import { main } from "../dist/cli/cli.js";

process.exitCode = await main(process.argv.slice(2));
