import { TenantPolicy as TenantPolicySchema } from "@tandem/domain/tenants";
import { ApiError } from "../../api/client";
import { changePolicy, currentTenant } from "../../api/tenant";
import type { TenantPolicy, TenantView } from "../../api/types";
import type { Problem } from "../../forms";
import { rememberTenant } from "../shell";
import { settingFor } from "./policy-settings";

export type SaveOutcome = { ok: true; tenant: TenantView } | { ok: false; problems: Problem[]; fresh?: TenantView };

/**
 * Send a new policy with the reason. Field problems come back keyed by the setting's path (or
 * "reason") when the page shows that field; otherwise they are spelt out with the setting's name.
 * On a stale version the fresh council comes back too, so the next try carries the right version.
 */
export async function savePolicy(
  policy: TenantPolicy,
  version: number,
  reason: string,
  shown: ReadonlySet<string>,
): Promise<SaveOutcome> {
  try {
    const tenant = await changePolicy({ policy, version, reason });
    rememberTenant(tenant);
    return { ok: true, tenant };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 409) {
      const fresh = await currentTenant().catch(() => undefined);
      if (fresh) rememberTenant(fresh);
      return {
        ok: false,
        fresh,
        problems: [
          {
            message:
              "Someone else changed the policy while you were editing it. Your change has not been saved: check the current settings, then save again.",
          },
        ],
      };
    }
    if (error.fields.length === 0) return { ok: false, problems: [{ message: error.message }] };
    return { ok: false, problems: policyFieldProblems(error.fields, shown) };
  }
}

/**
 * Problems with settings, by their path in the policy (or "reason"): beside the setting's control when
 * the page shows it, otherwise spelt out with the setting's name, so each names what it is about.
 */
export function policyFieldProblems(
  fields: readonly { path: string; message: string }[],
  shown: ReadonlySet<string>,
): Problem[] {
  return fields.map((f) => {
    const path = f.path.replace(/^policy\./, "");
    if (path === "reason") return { key: "reason", message: f.message };
    const setting = settingFor(path);
    if (setting && shown.has(setting.path)) return { key: setting.path, message: f.message };
    return { message: setting ? `${setting.label}: ${f.message}` : f.message };
  });
}

/**
 * Every problem the API would find in the draft, found here first (the same schema and rules,
 * `@tandem/domain/tenants`), less those on settings whose control already has one: with the page's own
 * checks, a council hears of everything wrong in one round (issue 19, item 16).
 */
export function draftProblems(draft: TenantPolicy, shown: ReadonlySet<string>, already: readonly Problem[]): Problem[] {
  const parsed = TenantPolicySchema.safeParse(draft);
  if (parsed.success) return [];
  const taken = new Set(already.map((p) => p.key));
  return policyFieldProblems(
    parsed.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    shown,
  ).filter((p) => p.key === undefined || !taken.has(p.key));
}
