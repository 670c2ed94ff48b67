import { run } from "probot";
import hotfixBot from "./app.js";

// `npm start`: the App as a long-running Probot server, configured from the environment (.env.example).
await run(hotfixBot);
