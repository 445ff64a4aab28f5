import type { CapacityMeter, Database, TenantTable } from "@tandem/data";
import type { TokenVerifier, VerifiedIdentity } from "./auth/verifier.js";

export type DependencyCheck = () => Promise<{ status: "up" | "down"; detail?: string }>;

/** What the HTTP layer needs from the outside world; built from env in Lambda and by the local runner. */
export interface Deps {
  db: Database;
  verifyToken: TokenVerifier;
  health: { table: DependencyCheck; email: DependencyCheck; identity: DependencyCheck };
  publicConfig: { auth: { endpoint: string; clientId: string; region: string } };
  /** Adds an `x-tandem-capacity` header with the capacity units a request consumed (bench and tests). */
  reportCapacity: boolean;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    meter: CapacityMeter;
    identity: VerifiedIdentity;
    table: TenantTable;
  };
}
