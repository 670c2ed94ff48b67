import { errorMessage, HotfixBotError } from "../util/errors.js";
import { httpStatus } from "../util/http-status.js";

/**
 * GitHub refused to write a change to `.github/workflows/` because the App lacks the `workflows` permission.
 * Names the files, so the incident can say what to grant or to backport by hand.
 */
export class WorkflowPermissionError extends HotfixBotError {
  override readonly kind = "refused";
  override readonly name = "WorkflowPermissionError";
  constructor(
    readonly files: string[],
    override readonly cause: unknown,
  ) {
    super(
      `GitHub refused to write ${files.join(", ")}: changing workflow files needs the App's "workflows" permission`,
    );
  }
}

/** A cherry-pick that could not be carried out (as opposed to one that conflicts, which is a result). */
export class CherryPickError extends HotfixBotError {
  override readonly kind = "unworkable";
  override readonly name = "CherryPickError";
  constructor(
    readonly pick: string,
    reason: string,
    override readonly cause?: unknown,
  ) {
    super(`cannot cherry-pick ${pick}: ${reason}`);
  }
}

export function isWorkflowPath(path: string): boolean {
  return path.startsWith(".github/workflows/");
}

/**
 * The WorkflowPermissionError behind a failed write (403 or 422) when the written change touches workflow files
 * and GitHub's message is about workflows or permissions; null for any other failure. Callers that create the
 * backport ref themselves can use it on their own write.
 */
export function workflowPermissionError(
  error: unknown,
  changedPaths: readonly string[],
): WorkflowPermissionError | null {
  const status = httpStatus(error);
  if (status !== 403 && status !== 422) return null;
  const workflows = changedPaths.filter(isWorkflowPath);
  if (workflows.length === 0) return null;
  const message = errorMessage(error);
  if (!/workflow|permission|not accessible/i.test(message)) return null;
  const named = /`([^`]*\.github\/workflows\/[^`]*)`/.exec(message)?.[1];
  return new WorkflowPermissionError(named ? [named] : workflows, error);
}
