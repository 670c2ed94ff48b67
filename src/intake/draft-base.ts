import type { HotfixConfig } from "../config/schema.js";
import type { IntakeState } from "../incident/timeline-state.js";
import { isProductionLine } from "../patterns/production-lines.js";

/**
 * The draft's base: the incident's maintenance line when intake recorded one that is still a production line (the
 * timeline is editable by writers; a line no longer configured falls back to the main line), else the main line.
 */
export function draftBase(config: HotfixConfig, intake: IntakeState): string {
  return intake.line !== undefined && isProductionLine(config, intake.line)
    ? intake.line
    : config.productionBranch;
}
