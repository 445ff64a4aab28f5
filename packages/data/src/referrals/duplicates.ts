import { createHash } from "node:crypto";
import { identityOfReferral, possibleDuplicateFlag } from "@tandem/domain/referrals";
import * as z from "zod";
import { defineEntity } from "../entity.js";
import * as keys from "../keys.js";
import type { TenantTable, WriteOp } from "../tenant-table.js";
import type { ReferralRecord } from "./records.js";

/** The hash of a child's identity, salted with the council so equal hashes say nothing across councils. */
function identityHash(tenantId: string, r: Pick<ReferralRecord, "kind" | "answers">): string {
  const identity = identityOfReferral(r as Parameters<typeof identityOfReferral>[0]);
  return createHash("sha256").update(`${tenantId}\n${identity}`).digest("base64url").slice(0, 32);
}

/** One referral naming a child; kept while the referral is, so a later referral finds it. */
export const childIdentityEntity = defineEntity({
  type: "child-identity",
  schema: z.object({ identityHash: z.string(), reference: z.string(), receivedOn: z.string() }),
  key: (tenantId, e: { identityHash: string; reference: string }) =>
    keys.childIdentity(tenantId, e.identityHash, e.reference),
});

/** At most this many earlier referrals are named in the flag: more than that, the coordinator searches. */
const MAX_EARLIER = 10;

/**
 * When a referral becomes visible to coordinators: the earlier visible referrals naming the same
 * child (one Query), the flag that names them, and the write that lets later referrals find this
 * one. Only visible referrals are written, so an unconfirmed submission never raises a flag.
 */
export async function duplicateCheck(
  table: TenantTable,
  r: ReferralRecord,
): Promise<{ flags: ReferralRecord["flags"]; ops: WriteOp[] }> {
  const tenantId = table.ctx.tenantId;
  const hash = identityHash(tenantId, r);
  const page = await childIdentityEntity.page(table, {
    pk: keys.childIdentityPartition(tenantId, hash),
    limit: MAX_EARLIER + 1,
  });
  const earlier = page.items.filter((e) => e.reference !== r.reference).slice(0, MAX_EARLIER);
  const flag = possibleDuplicateFlag(earlier);
  const flags = [...r.flags.filter((f) => f.code !== "possible_duplicate"), ...(flag ? [flag] : [])];
  return { flags, ops: [identityPut(tenantId, hash, r)] };
}

/**
 * The write that lets later referrals find this one, alone: for a referral that arrives already triaged (a
 * council's spreadsheet import), which raises no flag of its own but must be found by the next referral
 * naming the same child. Unconditional, so a re-import writes the same item again.
 */
export function childIdentityOp(
  tenantId: string,
  r: Pick<ReferralRecord, "kind" | "answers" | "reference" | "receivedOn">,
): WriteOp {
  return identityPut(tenantId, identityHash(tenantId, r), r);
}

function identityPut(tenantId: string, hash: string, r: Pick<ReferralRecord, "reference" | "receivedOn">): WriteOp {
  return childIdentityEntity.put(
    tenantId,
    { identityHash: hash, reference: r.reference, receivedOn: r.receivedOn },
    "any",
  );
}
