import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "../src/app.js";
import { routeAccessModule } from "../src/route-access.js";
import { routeTable } from "../src/route-table.js";

/** docs/routes.md and the SPA's role gates, both from the access each route declares. */
const targets = [
  { path: join(import.meta.dirname, "../../../docs/routes.md"), text: routeTable(openApiDocument()) },
  {
    path: join(import.meta.dirname, "../../../web/src/generated/route-access.ts"),
    text: routeAccessModule(openApiDocument()),
  },
];
for (const target of targets) {
  writeFileSync(target.path, target.text);
  console.log(`Wrote ${target.path}`);
}
