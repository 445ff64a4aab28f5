import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "../src/app.js";
import { packOpenApi } from "../src/http/bundled-openapi.js";

const target = join(import.meta.dirname, "../src/generated/openapi.json.br");
writeFileSync(target, packOpenApi(openApiDocument()));
console.log(`Wrote ${target}`);
