import type { EngineOutcome } from "../engine.js";
import { escapeMarkdown, escapeTableCell } from "../text/escape-markdown.js";
import type { RefusedWrite } from "./dry-run.js";
import type { TokenKind } from "./token-kind.js";

export interface SummaryInput {
  repo: string;
  event: string;
  outcome: EngineOutcome | null;
  /** Markdown of the incident timeline, rendered by the timeline's own renderer, when one was read. */
  timeline?: string;
  /** Markdown of what reconcile did, when the event ran reconcile. */
  reconcile?: string;
  tokenKind: TokenKind;
  dryRun: boolean;
  refusedWrites: RefusedWrite[];
  configError?: string;
  failure?: string;
}

/** How to hand the step an App token; shown when it runs with the workflow token. */
export const APP_TOKEN_HINT = [
  "```yaml",
  "- uses: actions/create-github-app-token@v2",
  "  id: app-token",
  "  with:",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown as text
  "    app-id: ${{ vars.HOTFIX_APP_ID }}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown as text
  "    private-key: ${{ secrets.HOTFIX_APP_PRIVATE_KEY }}",
  "- uses: hotfix-bot/hotfix-bot@v1",
  "  with:",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression shown as text
  "    github-token: ${{ steps.app-token.outputs.token }}",
  "```",
].join("\n");

const cell = (text: string) => escapeTableCell(text);
const linkOr = (text: string, url: string | undefined) => (url ? `[${text}](${url})` : text);

/** A check run body the dry run refused: its output is the gate's own rendering, shown as it would have been. */
function refusedCheckRun(write: RefusedWrite): string | null {
  if (!/\/check-runs(\/\d+)?$/.test(write.path)) return null;
  const body = write.body as { output?: { summary?: unknown; text?: unknown } } | null;
  const summary = body?.output?.summary;
  if (typeof summary !== "string") return null;
  const text = typeof body?.output?.text === "string" && body.output.text ? `\n\n${body.output.text}` : "";
  return `${summary}${text}`;
}

/** Pure: the job summary, in markdown. User text is escaped; rendered parts come from their own renderers. */
export function renderSummary(input: SummaryInput): string {
  const out: string[] = [`## hotfix-bot: ${cell(input.event)} on ${cell(input.repo)}`, ""];
  if (input.dryRun) {
    out.push(
      "> [!NOTE]",
      "> Dry run: the engine read from GitHub but sent no write; see below what it refused.",
      "",
    );
  }
  if (input.configError) {
    out.push("### Configuration error", "", "```text", input.configError.replace(/```/g, "'''"), "```", "");
  }
  if (input.failure) {
    out.push("### Failed", "", "```text", input.failure.replace(/```/g, "'''"), "```", "");
  }
  const outcome = input.outcome;
  if (outcome?.gate) {
    const gate = outcome.gate;
    out.push(`### ${linkOr("hotfix-gate", gate.url)}: ${cell(gate.conclusion)}`, "", gate.summary, "");
  }
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
      out.push(`| ${cell(b.target)} | ${cell(b.conflict ? `${b.status} (conflict)` : b.status)} | ${pr} |`);
    }
    out.push("");
  }
  if (outcome?.followUps && outcome.followUps.length > 0) {
    out.push("### Follow-ups", "", "| Kind | Issue |", "| --- | --- |");
    for (const f of outcome.followUps) out.push(`| ${cell(f.kind)} | ${linkOr(`#${f.issue}`, f.url)} |`);
    out.push("");
  }
  if (input.timeline) out.push("### Timeline", "", input.timeline, "");
  if (input.reconcile) out.push("### Reconcile", "", input.reconcile, "");
  if (outcome && outcome.steps.length === 0 && !input.reconcile && !input.failure) {
    out.push(`Nothing to do: no hotfix-bot step handles this ${cell(input.event)} event.`, "");
  }
  if (input.refusedWrites.length > 0) {
    out.push("### Writes refused by the dry run", "");
    for (const write of input.refusedWrites) {
      out.push(`- \`${write.method} ${escapeMarkdown(write.path)}\``);
      const check = refusedCheckRun(write);
      if (check) out.push("", check.replace(/^/gm, "  "), "");
    }
    out.push("");
  }
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
