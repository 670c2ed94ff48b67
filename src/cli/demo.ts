import { runDemo } from "../demo/run-demo.js";
import { type Command, parseCommandArgs } from "./command.js";
import { exitOnSignal } from "./exit-on-signal.js";
import { EXIT, UsageError } from "./usage-error.js";

const help = `Usage: hotfix-bot demo [--json] [--fast] [--keep] [--rollback]

Plays a whole incident offline: a local sandbox GitHub and the real App (its Probot server receiving signed
webhooks). Hotfix branch, PR, required checks, the hotfix-gate, merge, then tag, release, backports (one
clean, one with conflicts), follow-up issues, cleanup and the timeline, printed as they happen; it ends with
the monitoring window after the deploy, the clock moved past its end.

Options:
  --json      end with one line of JSON describing the outcome
  --fast      turn off GitHub's write pacing (about a second per write) for a quicker run
  --keep      leave the sandbox running afterwards and print the incident's page (Ctrl-C stops it)
  --rollback  the other story: the deployment fails (revert PR, label, escalation), then /rollback is said
  -h, --help  show this help

Exit codes: 0 the incident went through, 1 it did not, 2 usage error.
`;

export const command: Command = {
  name: "demo",
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs("demo", argv, {
      json: { type: "boolean" },
      fast: { type: "boolean" },
      keep: { type: "boolean" },
      rollback: { type: "boolean" },
    });
    if (values.help) {
      io.stdout(help);
      return EXIT.ok;
    }
    if (positionals.length > 0) throw new UsageError("demo", `unexpected argument "${positionals[0]}"`);
    // Interrupted (Ctrl-C), the demo stops at once and leaves no sandbox directory behind.
    const signals = exitOnSignal((signal) => io.stderr(`demo interrupted (${signal})`));
    try {
      return await runDemo({
        json: values.json ?? false,
        realisticPacing: !values.fast,
        scenario: values.rollback ? "rollback" : "incident",
        write: (line) => io.stdout(line),
        // Until Ctrl-C, which ends the process through exitOnSignal (the sandbox's directory is removed).
        ...(values.keep ? { keep: () => new Promise<void>(() => {}) } : {}),
      });
    } finally {
      signals.release();
    }
  },
};
