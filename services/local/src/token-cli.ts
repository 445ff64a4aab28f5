import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEMO_PASSWORD } from "./demo-data.js";
import { type IdentityConfig, signIn } from "./identity-local.js";
import { portsFor } from "./stack.js";

/** `pnpm token <email> [password]`: prints an ID token for a user of the running local stack. */
const [email, password = DEMO_PASSWORD] = process.argv.slice(2);
if (!email) {
  console.error("Usage: pnpm token <email> [password]   e.g. pnpm token coordinator@riverford.example");
  process.exit(2);
}
const dataDir = resolve(process.env.TANDEM_DATA_DIR ?? resolve(import.meta.dirname, "../../../.data"));
const file = join(dataDir, "identity", "identity.json");
if (!existsSync(file)) {
  console.error(`No local identity provider set up in ${dataDir}: start Tandem first (pnpm start).`);
  process.exit(1);
}
const saved = JSON.parse(readFileSync(file, "utf8")) as IdentityConfig;
const config = { ...saved, port: portsFor(Number(process.env.PORT ?? 3000)).identity };
try {
  console.log(await signIn(config, email, password));
} catch (e) {
  console.error(`Could not sign in as ${email}: ${e instanceof Error ? e.message : String(e)} (is Tandem running?)`);
  process.exit(1);
}
