import { ApiError, notFound } from "../http/api-error.js";
import type { Handler } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { userShape } from "../shapes/user-shape.js";
import type { User } from "../state/model.js";
import { paginated } from "./common.js";

/**
 * `GET /orgs/{org}/teams/{team_slug}/members`. An installation token needs the organization permission
 * Members: read (`sandbox.grantMembersRead()`); without it GitHub answers 403 "Resource not accessible by
 * integration", which is what an App that never asked for the permission sees.
 */
export function registerTeamRoutes(table: RouteTable<Handler>): void {
  table.add("GET", "/orgs/{org}/teams/{team_slug}/members", async (req, world) => {
    if (req.identity.kind === "installation" && !world.appReadsMembers) {
      throw new ApiError(403, "Resource not accessible by integration");
    }
    if (req.identity.kind === "anonymous") throw new ApiError(401, "Requires authentication");
    const members = world.teams.get(`${req.params.org ?? ""}/${req.params.team_slug ?? ""}`.toLowerCase());
    if (!members) throw notFound();
    const users = members.flatMap((login) => {
      const user = world.user(login);
      return user ? [user] : [];
    });
    return paginated<User>(world, req, users, (user) => userShape(world, user));
  });
}
