import type { EngineOutcome } from "../route.js";
import { escapeTableCell } from "../text/escape-markdown.js";
import { commitSigning, commitSigningSection } from "./commit-signing.js";
import type { RecordedWrite } from "./record-writes.js";
import type { TokenKind } from "./token-kind.js";

export interface SummaryInput {
  repo: string;
  event: string;
  /**
   * What the engine did; its `gate.rendered` is the `hotfix-gate` check run written (or, in a dry run, refused)
   * in this run and its `timeline` the incident timeline written, each as its own renderer made it.
   */
  outcome: EngineOutcome | null;
  /** The gate's conclusion as the `gate` output says it. */
  gate: string;
  /** Markdown of the recovery report's headline figures, when the step wrote the report. */
  report?: string;
  /** Markdown of what reconcile did, when the event ran reconcile. */
  reconcile?: string;
  writes: RecordedWrite[];
  tokenKind: TokenKind;
  dryRun: boolean;
  configError?: string;
  failure?: string;
  /** Hidden state is not sealed (no state-secret): why that matters and what to set. */
  stateWarning?: string;
}

/** How to hand the step an App token; shown when it runs with the workflow token. */
export const APP_TOKEN_HINT = `\`\`\`yaml
- uses: actions/create-github-app-token@v2
  id: app-token
  with:
    app-id: $\{{ vars.HOTFIX_APP_ID }}
    private-key: $\{{ secrets.HOTFIX_APP_PRIVATE_KEY }}
- uses: hotfix-bot/hotfix-bot@v1
  with:
    github-token: $\{{ steps.app-token.outputs.token }}
\`\`\``;

const cell = (text: string) => escapeTableCell(text);
const linkOr = (text: string, url: string | undefined) => (url ? `[${text}](${url})` : text);
const fence = (text: string) => ["```text", text.replace(/```/g, "'''"), "```"];

function gateSection(input: SummaryInput): string[] {
  const gate = input.outcome?.gate;
  if (!gate) return [];
  const out = [`### ${linkOr("hotfix-gate", gate.url)}: ${cell(input.gate || "unknown")}`, ""];
  if (gate.rendered) out.push(gate.rendered.markdown, "");
  // The gate leaves a run that already shows this evaluation untouched, so there is no new output to show.
  else out.push(`${cell(gate.summary)} (unchanged; the check run shows the details)`, "");
  return out;
}

function mergeSections(outcome: EngineOutcome | null): string[] {
  const out: string[] = [];
  if (outcome?.tag || outcome?.releaseUrl) {
    out.push("### Release", "", "| Tag | Release |", "| --- | --- |");
    out.push(
      `| ${cell(outcome.tag ?? "")} | ${outcome.releaseUrl ? linkOr("release", outcome.releaseUrl) : ""} |`,
      "",
    );
  }
  if (outcome?.backports && outcome.backports.length > 0) {
    out.push("### Backports", "", "| Target | Status | Pull request |", "| --- | --- | --- |");
    for (const b of outcome.backports) {
      const pr = b.pr === undefined ? "" : linkOr(`#${b.pr}`, b.url);
      out.push(`| ${cell(b.target)} | ${cell(b.status)}${b.conflict ? " (conflict)" : ""} | ${pr} |`);
    }
    out.push("");
  }
  if (outcome?.followUps && outcome.followUps.length > 0) {
    out.push("### Follow-ups", "", "| Kind | Issue |", "| --- | --- |");
    for (const f of outcome.followUps) out.push(`| ${cell(f.kind)} | ${linkOr(`#${f.issue}`, f.url)} |`);
    out.push("");
  }
  return out;
}

/** Pure: the job summary, in markdown. User text is escaped; rendered parts come from their own renderers. */
export function renderSummary(input: SummaryInput): string {
  const out: string[] = [`## hotfix-bot: ${cell(input.event)} on ${cell(input.repo)}`, ""];
  const refused = input.writes.filter((w) => w.result === "refused");
  if (input.dryRun) {
    out.push(
      "> [!NOTE]",
      "> Dry run: the engine read from GitHub but sent no write; each step stopped at its first.",
      "",
    );
  }
  if (input.configError) out.push("### Configuration error", "", ...fence(input.configError), "");
  if (input.failure) out.push("### Failed", "", ...fence(input.failure), "");
  out.push(...gateSection(input), ...mergeSections(input.outcome));
  out.push(...commitSigningSection(commitSigning(input.writes)));
  // The timeline's own markdown starts with its heading ("### Hotfix timeline").
  if (input.outcome?.timeline) out.push(input.outcome.timeline, "");
  if (input.reconcile) out.push("### Reconcile", "", input.reconcile, "");
  if (input.report) out.push("### Recovery report", "", input.report, "");
  if (input.outcome && input.outcome.steps.length === 0 && !input.reconcile && !input.report) {
    out.push(`Nothing to do: no hotfix-bot step handles this ${cell(input.event)} event.`, "");
  }
  if (refused.length > 0) {
    out.push("### Writes refused by the dry run", "");
    for (const write of refused) out.push(`- \`${write.method} ${write.path.replace(/`/g, "")}\``);
    out.push("");
  }
  if (input.stateWarning) out.push("> [!WARNING]", `> ${input.stateWarning}`, "");
  if (input.tokenKind === "workflow") {
    out.push(
      "> [!WARNING]",
      "> This step runs with the workflow's own token. GitHub starts no workflow for events that token causes,",
      "> so pull requests and tags it creates (backports) get no CI run. Pass a GitHub App token instead:",
      "",
      APP_TOKEN_HINT,
      "",
    );
  }
  return `${out.join("\n").trimEnd()}\n`;
}
