import { call } from "./client";
import type { PublicConfig } from "./types";

let cached: Promise<PublicConfig> | null = null;

/** Where the identity provider is and which app client to use; fetched once per page load. */
export function publicConfig(): Promise<PublicConfig> {
  cached ??= call("get", "/api/public/config", {});
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
