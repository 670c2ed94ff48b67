import type { Handler } from "../http/handler.js";
import { RouteTable } from "../http/route-table.js";
import { registerActivityRoutes } from "./activity-routes.js";
import { registerAppRoutes } from "./app-routes.js";
import { registerCheckRoutes } from "./check-routes.js";
import { registerCommitRoutes } from "./commit-routes.js";
import { registerContentsRoutes } from "./contents-routes.js";
import { registerDeploymentRoutes } from "./deployment-routes.js";
import { registerGitDataRoutes } from "./git-data-routes.js";
import { registerGraphqlRoutes } from "./graphql-routes.js";
import { registerIssueRoutes } from "./issue-routes.js";
import { registerProtectionRoutes } from "./protection-routes.js";
import { registerPullRoutes } from "./pull-routes.js";
import { registerReleaseRoutes } from "./release-routes.js";
import { registerRepoRoutes } from "./repo-routes.js";
import { registerSearchRoutes } from "./search-routes.js";
import { registerStatusRoutes } from "./status-routes.js";
import { registerTeamRoutes } from "./team-routes.js";

/** Every REST route the sandbox serves. Anything else answers 501 naming the route. */
export function createRouteTable(): RouteTable<Handler> {
  const table = new RouteTable<Handler>();
  registerAppRoutes(table);
  registerRepoRoutes(table);
  registerProtectionRoutes(table);
  registerActivityRoutes(table);
  registerGitDataRoutes(table);
  registerCommitRoutes(table);
  registerContentsRoutes(table);
  registerIssueRoutes(table);
  registerPullRoutes(table);
  registerCheckRoutes(table);
  registerStatusRoutes(table);
  registerReleaseRoutes(table);
  registerDeploymentRoutes(table);
  registerTeamRoutes(table);
  registerGraphqlRoutes(table);
  registerSearchRoutes(table);
  return table;
}
