import { startSandbox } from "../sandbox/start-sandbox.js";
import { WEBSHOP } from "../sandbox/webshop-seed.js";
import { type Command, parseCommandArgs } from "./command.js";
import { EXIT, UsageError } from "./usage-error.js";

const help = `Usage: hotfix-bot sandbox [--port N] [--webhook-url URL] [--webhook-secret SECRET]

Starts the sandbox: a local, git-backed GitHub on 127.0.0.1, seeded with acme/webshop (main and develop).
The first line printed is "sandbox listening on http://127.0.0.1:PORT"; then tokens for the people alice,
bob and carol. Point the App (GHE_HOST), the Action (GITHUB_API_URL) or "hotfix-bot reconcile --api-url" at it.
Runs until interrupted (Ctrl-C).

Options:
  --port N                TCP port (default: a free one)
  --webhook-url URL       deliver webhooks to a running App at this URL
  --webhook-secret SECRET the App's webhook secret (default: development)
  -h, --help              show this help

Exit codes: 0 stopped by a signal, 2 usage error, 1 the sandbox could not start (e.g. git older than 2.38).
`;

export const command: Command = {
  name: "sandbox",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("sandbox", argv, {
      port: { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError("sandbox", `unexpected argument "${positionals[0]}"`);
    const port = Number(values.port ?? 0);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError("sandbox", `--port: expected a port number, got "${values.port}"`);
    }
    const webhookUrl = values["webhook-url"];
    if (webhookUrl !== undefined && !/^https?:\/\/\S+$/.test(webhookUrl)) {
      throw new UsageError("sandbox", `--webhook-url: expected an http(s) URL, got "${webhookUrl}"`);
    }

    // Listening before the start, so that a signal during it still closes the sandbox (and removes its directory).
    const stopped = new Promise<void>((resolve) => {
      process.once("SIGINT", () => resolve());
      process.once("SIGTERM", () => resolve());
    });
    const sandbox = await startSandbox({ port });
    await sandbox.createRepository(WEBSHOP);
    if (webhookUrl)
      sandbox.setWebhook({ url: webhookUrl, secret: values["webhook-secret"] ?? "development" });
    io.stdout(`sandbox listening on ${sandbox.url}`);
    io.stdout(
      `repository acme/webshop (main, develop); git data in ${sandbox.repository("acme/webshop").gitDir}`,
    );
    for (const login of ["alice", "bob", "carol"])
      io.stdout(`token for ${login}: ${sandbox.tokenFor(login)}`);
    io.stdout(`App token (installation ${sandbox.app.installationId}): ${sandbox.appToken()}`);
    io.stdout(webhookUrl ? `webhooks -> ${webhookUrl}` : "webhooks: not delivered (see --webhook-url)");

    await stopped;
    await sandbox.close();
    return EXIT.ok;
  },
};
