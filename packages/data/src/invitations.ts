import { TenantRole } from "@tandem/domain/people";
import * as z from "zod";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import { hashLinkToken } from "./link-tokens.js";
import type { Item, TenantTable, WriteOp } from "./tenant-table.js";

/** How long an invitation link works: long enough for a holiday, short enough to limit a leaked link. */
export const INVITATION_DAYS = 7;

export const Invitation = z.object({
  personId: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(TenantRole),
  createdAt: z.string(),
  expiresOn: z.string(),
  usedAt: z.string().nullable(),
  version: z.number().int(),
});
export type Invitation = z.infer<typeof Invitation>;

/**
 * An invitation, keyed by the SHA-256 of its link's token (never the token). The record outlives
 * the link by a month so a late click is told "expired", not "not found".
 */
export const invitationEntity = defineEntity({
  type: "invitation",
  schema: Invitation,
  key: (tenantId, link: { tokenHash: string }) => keys.invitation(tenantId, link.tokenHash),
  extra: (i) => ({ expiresAt: Math.floor(Date.parse(i.createdAt) / 1000) + (INVITATION_DAYS + 30) * 86_400 }),
});

export function invitationItem(
  tenantId: string,
  tokenHash: string,
  who: Pick<Invitation, "personId" | "email" | "name" | "roles">,
  now = new Date(),
): Item {
  const invitation: Invitation = {
    ...who,
    createdAt: now.toISOString(),
    expiresOn: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    usedAt: null,
    version: 1,
  };
  return invitationEntity.item(tenantId, invitation, { id: { tokenHash } });
}

/** The invitation behind a link, refused with a reason the person can act on when it no longer works. */
export async function openInvitation(table: TenantTable, token: string, now = new Date()): Promise<Invitation> {
  const invitation = await invitationEntity.get(table, { tokenHash: hashLinkToken(token) });
  if (!invitation) {
    throw new Problem("not_found", "This invitation link is not recognised: check you copied all of it");
  }
  if (invitation.usedAt) {
    throw new Problem("gone", "This invitation has already been used. Sign in with the password you chose.");
  }
  if (invitation.expiresOn <= now.toISOString()) {
    throw new Problem("gone", "This invitation has expired. Ask your scheme's administrator to invite you again.");
  }
  return invitation;
}

/** Marks the invitation used; a second use of the same link fails on the version. */
export function useInvitationOp(table: TenantTable, token: string, invitation: Invitation, now: string): WriteOp {
  const used = { ...invitation, usedAt: now, version: invitation.version + 1 };
  return invitationEntity.put(
    table.ctx.tenantId,
    used,
    { version: invitation.version },
    {
      id: { tokenHash: hashLinkToken(token) },
    },
  );
}
