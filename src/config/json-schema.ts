import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema of `.github/hotfix.yml`, for editors; committed as schema/hotfix.schema.json. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" });
  return { ...schema, title: "hotfix-bot configuration" };
}

export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
