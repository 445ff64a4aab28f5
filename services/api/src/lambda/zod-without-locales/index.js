// What `import { z } from "zod"` (and `import z from "zod"`) resolves to in a Lambda bundle: zod's own
// index.js (`zod/index.js`), re-exporting ./external.js (zod without its locales) instead of zod's.
import * as z from "./external.js";

export * from "./external.js";
export { z, z as default };
