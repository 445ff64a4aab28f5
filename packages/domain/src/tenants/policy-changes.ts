/** One setting that differs between two policy versions, by its dotted path. */
export interface PolicyChangeEntry {
  path: string;
  from: unknown;
  to: unknown;
}

/**
 * What changed between two versions of a policy, setting by setting, so the history can say
 * "referrals.maxAge: 18 → 21" instead of showing two whole documents. Lists compare as values.
 */
export function policyChanges(before: unknown, after: unknown, prefix = ""): PolicyChangeEntry[] {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObject(before) && isObject(after)) {
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return names.flatMap((name) => policyChanges(before[name], after[name], prefix ? `${prefix}.${name}` : name));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: prefix, from: before, to: after }];
}
