import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { nodeId, userShape } from "../shapes/user-shape.js";
import { json, paginate, repoOf } from "./common.js";

/**
 * `GET /repos/{owner}/{repo}/activity`: who moved which ref, newest first (`direction=asc` for oldest first),
 * filtered by `ref` (a branch name or a full ref), `actor` (a login) and `activity_type`. GitHub pages this
 * listing with cursors; the sandbox pages it by number, which Octokit's paginate follows just the same.
 */
export function registerActivityRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/repos/{owner}/{repo}/activity", async (req, world) => {
    const repo = repoOf(world, req);
    const ref = req.query.get("ref");
    const fullRef = ref === null ? null : ref.startsWith("refs/") ? ref : `refs/heads/${ref}`;
    const actor = req.query.get("actor")?.toLowerCase() ?? null;
    const type = req.query.get("activity_type");
    let activities = repo.activities.filter(
      (activity) =>
        (fullRef === null || activity.ref === fullRef) &&
        (actor === null || activity.actor.login.toLowerCase() === actor) &&
        (type === null || activity.activityType === type),
    );
    if (req.query.get("direction") !== "asc") activities = activities.slice().reverse();
    const { page, headers } = paginate(world, req, activities);
    return json(
      200,
      page.map((activity) => ({
        id: activity.id,
        node_id: nodeId("RepositoryActivity", activity.id),
        before: activity.before,
        after: activity.after,
        ref: activity.ref,
        timestamp: activity.timestamp,
        activity_type: activity.activityType,
        actor: userShape(world, activity.actor),
      })),
      headers,
    );
  });
}
