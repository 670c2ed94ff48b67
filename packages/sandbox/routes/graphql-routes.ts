import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { nodeId } from "../shapes/user-shape.js";
import type { PullRecord, Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { actorOf, hasWrite, json } from "./common.js";

/**
 * GitHub's GraphQL endpoint, for the one mutation the engine sends: `enablePullRequestAutoMerge`. GitHub answers
 * GraphQL errors with HTTP 200 and an `errors` array (type, path, message), which Octokit's graphql client throws
 * as a GraphqlResponseError; the sandbox does the same. Auto-merge is recorded on the pull request (REST shows
 * it as `auto_merge`); the sandbox does not model required checks, so it never merges on its own.
 */
const METHODS = { MERGE: "merge", SQUASH: "squash", REBASE: "rebase" } as const;

type Json = Record<string, unknown>;

/**
 * The value of an input field (`field: $var`, not the `$field: Type` of the variable declarations): a variable or an
 * inline literal (`"…"` or an enum name).
 */
function inputValue(query: string, field: string, variables: Json): unknown {
  const match = new RegExp(`(?<![$\\w])${field}\\s*:\\s*(?:\\$(\\w+)|"([^"]*)"|(\\w+))`).exec(query);
  if (!match) return undefined;
  if (match[1] !== undefined) return variables[match[1]];
  return match[2] ?? match[3];
}

function graphqlError(type: string, message: string): Json {
  return {
    data: { enablePullRequestAutoMerge: null },
    errors: [{ type, path: ["enablePullRequestAutoMerge"], locations: [{ line: 1, column: 1 }], message }],
  };
}

function findPull(world: World, id: string): { repo: Repository; pull: PullRecord } | null {
  for (const repo of world.repos.values()) {
    for (const pull of repo.pulls.values()) {
      if (nodeId("PullRequest", pull.id) === id) return { repo, pull };
    }
  }
  return null;
}

async function enableAutoMerge(req: SandboxRequest, world: World, query: string, variables: Json) {
  const id = inputValue(query, "pullRequestId", variables);
  const method = inputValue(query, "mergeMethod", variables) ?? "MERGE";
  if (typeof id !== "string")
    return json(200, graphqlError("INVALID_ARGUMENTS", "pullRequestId is required"));
  if (typeof method !== "string" || !(method in METHODS)) {
    return json(200, graphqlError("INVALID_ARGUMENTS", `Invalid merge method: ${String(method)}`));
  }
  const found = findPull(world, id);
  if (!found) {
    return json(200, graphqlError("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'.`));
  }
  const { repo, pull } = found;
  const actor = actorOf(req);
  if (req.identity.kind !== "installation" && !hasWrite(repo, actor)) {
    return json(
      200,
      graphqlError("FORBIDDEN", `${actor.login} does not have permission to enable auto-merge.`),
    );
  }
  const issue = repo.issues.get(pull.number);
  if (pull.merged || issue?.state !== "open") {
    return json(200, graphqlError("UNPROCESSABLE", "Pull request is not open"));
  }
  if (!repo.allowAutoMerge) {
    return json(
      200,
      graphqlError("UNPROCESSABLE", "Pull request Auto merge is not allowed for this repository"),
    );
  }
  const enabledAt = world.now();
  pull.autoMerge ??= { method: METHODS[method as keyof typeof METHODS], enabledBy: actor, enabledAt };
  return json(200, {
    data: {
      enablePullRequestAutoMerge: {
        pullRequest: {
          id,
          number: pull.number,
          autoMergeRequest: {
            mergeMethod: pull.autoMerge.method.toUpperCase(),
            enabledAt: pull.autoMerge.enabledAt,
          },
        },
      },
    },
  });
}

export function registerGraphqlRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/graphql", async (req, world) => {
    const body = (req.body ?? {}) as Json;
    const query = typeof body.query === "string" ? body.query : "";
    const variables = (
      typeof body.variables === "object" && body.variables !== null ? body.variables : {}
    ) as Json;
    if (/\benablePullRequestAutoMerge\b/.test(query)) return enableAutoMerge(req, world, query, variables);
    return json(200, {
      errors: [
        {
          type: "NOT_SUPPORTED",
          message: "the sandbox answers only the enablePullRequestAutoMerge mutation",
        },
      ],
    });
  });
}
