/** The one check run the repository makes required on the production branch. */
export const GATE_CHECK_NAME = "hotfix-gate";

/** Set on every gate run we create, to tell ours from another app's run of the same name. */
export const GATE_EXTERNAL_ID = "hotfix-bot:gate";
