import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "../src/app.js";
import { routeTable } from "../src/route-table.js";

const target = join(import.meta.dirname, "../../../docs/routes.md");
writeFileSync(target, routeTable(openApiDocument()));
console.log(`Wrote ${target}`);
