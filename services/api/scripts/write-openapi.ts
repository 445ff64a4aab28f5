import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "../src/app.js";
import { openApiModule } from "./openapi-module.js";

const target = join(import.meta.dirname, "../src/generated/openapi-document.ts");
writeFileSync(target, openApiModule(openApiDocument()));
console.log(`Wrote ${target}`);
