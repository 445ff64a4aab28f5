import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { classicCopy, copiedFiles, copiesDir } from "../src/lambda/zod-without-locales/classic-copies.js";

// Rewrites the Lambda bundles' copies of zod's classic schema modules (see classic-copies.ts) after a zod upgrade.
mkdirSync(copiesDir, { recursive: true });
for (const file of copiedFiles) writeFileSync(join(copiesDir, file), classicCopy(file));
console.log(`wrote ${copiedFiles.length} files to ${copiesDir}`);
