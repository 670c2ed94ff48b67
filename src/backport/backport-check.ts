import type { EngineContext } from "../context.js";
import { isOurCheckRun } from "../identity/bot-identity.js";
import { escapeMarkdown } from "../text/escape-markdown.js";
import { createOnce, NO_BLIND_RETRY } from "../util/create-once.js";

/**
 * The check on a backport PR's head that blocks it while a file of the draft needs a person (no conflict marker
 * says what to do there). Teams make it required on their develop branch; a writer's `/backport confirm <sha>`
 * passes it for that head only.
 */
export const BACKPORT_CHECK_NAME = "hotfix-backport";

export interface OurBackportRun {
  id: number;
  conclusion: string | null;
  text: string;
}

/** The output of a failing run: which files need a person, and the exact command that confirms this head. */
export function backportCheckOutput(sha: string, files: readonly { path: string; reason: string }[]) {
  return {
    title: backportCheckTitle(files.length),
    summary: [
      "The cherry-pick left files that no conflict marker explains: the bot could not write git's result there,",
      "or git leaves a decision without markers. Apply the fix to each by hand, then a person with write access",
      `comments \`/backport confirm ${sha.slice(0, 12)}\` on this pull request to confirm this head.`,
      "A new push needs a new confirmation.",
    ].join("\n"),
    text: files
      .map((file) => `- \`${file.path.replace(/`/g, "'")}\`: ${escapeMarkdown(file.reason)}`)
      .join("\n"),
  };
}

export function backportCheckTitle(files: number): string {
  return `${files} file${files === 1 ? " needs" : "s need"} a person before this backport can merge`;
}

/** Our newest `hotfix-backport` run on a commit, by App id, or null. */
export async function findBackportRun(ctx: EngineContext, sha: string): Promise<OurBackportRun | null> {
  const identity = await ctx.identity();
  const { data } = await ctx.octokit.rest.checks.listForRef({
    ...ctx.repo,
    ref: sha,
    check_name: BACKPORT_CHECK_NAME,
    per_page: 100,
  });
  const ours = data.check_runs
    .filter((run) => run.name === BACKPORT_CHECK_NAME && isOurCheckRun(run, identity))
    .sort((x, y) => y.id - x.id)[0];
  return ours ? { id: ours.id, conclusion: ours.conclusion, text: ours.output?.text ?? "" } : null;
}

/** A failing `hotfix-backport` run on `sha` listing the files, unless one of ours is there already. */
export async function openBackportCheck(
  ctx: EngineContext,
  sha: string,
  output: { title: string; summary: string; text: string },
): Promise<void> {
  if (await findBackportRun(ctx, sha)) return;
  const now = ctx.clock().toISOString();
  await createOnce(
    async () => {
      await ctx.octokit.rest.checks.create({
        ...ctx.repo,
        name: BACKPORT_CHECK_NAME,
        head_sha: sha,
        status: "completed",
        conclusion: "failure",
        started_at: now,
        completed_at: now,
        output,
        ...NO_BLIND_RETRY,
      });
      return true;
    },
    async () => ((await findBackportRun(ctx, sha)) ? true : null),
  );
}

/** Passes our run on the head a writer confirmed. */
export async function passBackportCheck(
  ctx: EngineContext,
  run: OurBackportRun,
  confirmer: string,
  sha: string,
): Promise<void> {
  await ctx.octokit.rest.checks.update({
    ...ctx.repo,
    check_run_id: run.id,
    status: "completed",
    conclusion: "success",
    completed_at: ctx.clock().toISOString(),
    output: {
      title: "Confirmed by a person with write access",
      summary: `@${confirmer} confirmed ${sha.slice(0, 12)}: the files listed below were handled by hand.`,
      text: run.text,
    },
  });
}
