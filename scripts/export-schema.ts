import { writeFileSync } from "node:fs";
import { renderConfigJsonSchema } from "../src/config/json-schema.js";

// `npm run schema`: regenerates the committed JSON Schema after a change to src/config/schema.ts.
writeFileSync(new URL("../schema/hotfix.schema.json", import.meta.url), renderConfigJsonSchema());
console.log("wrote schema/hotfix.schema.json");
