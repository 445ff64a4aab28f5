import { signupRequests, tenantHealth } from "../api/platform";
import type { SignupRequest, TenantHealth } from "../api/types";

/**
 * What the console last listed, so a decision page opened from it needs no second fetch; opened
 * directly (a reload), it fetches the list again. Holds no tenant's records, only sign-up requests.
 */
let pending: SignupRequest[] | null = null;
let tenants: TenantHealth[] | null = null;

export async function pendingRequests(fresh = false): Promise<SignupRequest[]> {
  if (!pending || fresh) {
    const out: SignupRequest[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result = await signupRequests("pending", cursor);
      out.push(...result.items);
      cursor = result.cursor;
      if (!cursor) break;
    }
    pending = out;
  }
  return pending;
}

export async function allTenants(fresh = false): Promise<TenantHealth[]> {
  if (!tenants || fresh) {
    const out: TenantHealth[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const result = await tenantHealth(cursor);
      out.push(...result.items);
      cursor = result.cursor;
      if (!cursor) break;
    }
    tenants = out;
  }
  return tenants;
}

export async function findPending(id: string): Promise<SignupRequest | undefined> {
  return (await pendingRequests()).find((r) => r.id === id) ?? (await pendingRequests(true)).find((r) => r.id === id);
}

export async function findTenant(id: string): Promise<TenantHealth | undefined> {
  return (await allTenants()).find((t) => t.id === id) ?? (await allTenants(true)).find((t) => t.id === id);
}

/** Forget the lists after a decision, so the console shows the world as it now is. */
export function forgetLists(): void {
  pending = null;
  tenants = null;
}
