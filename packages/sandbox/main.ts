import { startSandbox } from "./start-sandbox.js";
import { WEBSHOP } from "./webshop-seed.js";

// `npm run sandbox`: a local GitHub on 127.0.0.1 seeded with acme/webshop, until interrupted.
// SANDBOX_PORT picks the port; SANDBOX_WEBHOOK_URL and SANDBOX_WEBHOOK_SECRET send webhooks to a running App.
const portArg = process.argv.indexOf("--port");
const port = Number(portArg !== -1 ? process.argv[portArg + 1] : (process.env.SANDBOX_PORT ?? 0));
const sandbox = await startSandbox({ port: Number.isFinite(port) ? port : 0 });
await sandbox.createRepository(WEBSHOP);
const webhookUrl = process.env.SANDBOX_WEBHOOK_URL;
if (webhookUrl)
  sandbox.setWebhook({ url: webhookUrl, secret: process.env.SANDBOX_WEBHOOK_SECRET ?? "development" });

process.stdout.write(`sandbox listening on ${sandbox.url}\n`);
process.stdout.write(
  `repository acme/webshop (main, develop); git data in ${sandbox.repository("acme/webshop").gitDir}\n`,
);
for (const login of ["alice", "bob", "carol"]) {
  process.stdout.write(`token for ${login}: ${sandbox.tokenFor(login)}\n`);
}
process.stdout.write(
  `App: id ${sandbox.app.id}, installation ${sandbox.app.installationId}; any JWT is accepted on /app routes\n`,
);
process.stdout.write(
  webhookUrl ? `webhooks -> ${webhookUrl}\n` : "webhooks: not delivered (set SANDBOX_WEBHOOK_URL)\n",
);

const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
