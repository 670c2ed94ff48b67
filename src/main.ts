import { run } from "probot";
import hotfixBot from "./app.js";
import { hasAppCredentials, ServerConfigError } from "./server/server-config.js";
import { startServer } from "./server/start-server.js";

// `npm start` (dist/app.js, built from this file): the App as a long-running server, configured from the
// environment (.env.example, README "Deploying"). A .env file in the working directory fills in what the
// environment does not set, as for `probot run` (where the file wins; here the real environment does).
loadDotEnv();

function loadDotEnv(): void {
  try {
    process.loadEnvFile(".env");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

if (!hasAppCredentials(process.env)) {
  // First run: Probot's setup flow registers the App from app.yml and writes APP_ID, the key and the secret to
  // .env (and refuses to start when NODE_ENV=production).
  await run(hotfixBot);
} else {
  try {
    const server = await startServer(process.env);
    const stop = async () => {
      await server.drain();
      // Exit even if a step outlived the bound: it is left to reconcile, which is idempotent.
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    process.stderr.write(`hotfix-bot: ${error.message}\n`);
    process.exit(2);
  }
}
