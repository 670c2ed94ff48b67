import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * The schema under defaults, prefaults, optionals and transforms (the input side of a pipe): what the keys of a
 * given value are checked against.
 */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodPipe) current = current.in as z.ZodType;
  while (
    current instanceof z.ZodDefault ||
    current instanceof z.ZodPrefault ||
    current instanceof z.ZodOptional
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/**
 * The keys the configuration allows in the object at `path` (`["followUps", "postMortem"]`), or an empty list
 * where the path does not lead to a fixed set of keys.
 */
export function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema = unwrap(configSchema);
  for (const key of path) {
    if (!(schema instanceof z.ZodObject) || typeof key !== "string") return [];
    const child = (schema.shape as Record<string, z.ZodType>)[key];
    if (!child) return [];
    schema = unwrap(child);
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
