// Runs `prisma generate` after install. Generation needs no database and no schema engine,
// but the CLI insists the engine path exists, so point it at our bridge.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const result = spawnSync("npx", ["prisma", "generate"], { stdio: "inherit" });
process.exit(result.status ?? 1);
