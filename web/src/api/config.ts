import { api } from "./client";
import { type PublicConfig, parsePublicConfig } from "./types";

let cached: Promise<PublicConfig> | null = null;

/** Where the identity provider is and which app client to use; fetched once per page load. */
export function publicConfig(): Promise<PublicConfig> {
  cached ??= api("/api/public/config").then(parsePublicConfig);
  cached.catch(() => {
    cached = null;
  });
  return cached;
}
