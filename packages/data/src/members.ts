import { randomUUID } from "node:crypto";
import { Member, removesAnAdmin } from "@tandem/domain/people";
import type { PublicLanguage, Tenant } from "@tandem/domain/tenants";
import { auditOp, auditRead } from "./audit.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import { createOnce, hashRequest } from "./idempotency.js";
import { invitationItem } from "./invitations.js";
import * as keys from "./keys.js";
import { newLinkToken } from "./link-tokens.js";
import { outboxOp } from "./outbox.js";
import type { OutgoingEmail } from "./outgoing-email.js";
import type { Item, Page, TenantTable, WriteOp } from "./tenant-table.js";

/** A person's membership of one council; provider staff are also indexed by provider, so ending a commission finds them. */
export const memberEntity = defineEntity({
  type: "member",
  schema: Member,
  key: (tenantId, m: { personId: string }) => keys.member(tenantId, m.personId),
  index: (tenantId, m) =>
    m.providerId ? { gsi1pk: keys.membersOfProvider(tenantId, m.providerId), gsi1sk: m.personId } : null,
});

/**
 * The council's active members (a few dozen at most, read a page of 100 at a time): who holds which roles now,
 * for a pipeline's steps and sign-offs and for telling the managers of an issue raised in supervision.
 */
export async function activeMembers(table: TenantTable): Promise<Pick<Member, "personId" | "email" | "roles">[]> {
  const out: Pick<Member, "personId" | "email" | "roles">[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Member> = await memberEntity.page(table, {
      pk: keys.tenantPartition(table.ctx.tenantId),
      skPrefix: keys.memberPrefix,
      limit: 100,
      cursor,
    });
    for (const m of page.items) {
      if (m.status === "active") out.push({ personId: m.personId, email: m.email, roles: m.roles });
    }
    cursor = page.cursor;
  } while (cursor);
  return out;
}

export function memberItem(member: Member): Item {
  return memberEntity.item(member.tenantId, member);
}

const isActiveAdmin = (m: Pick<Member, "roles" | "status">) =>
  m.status === "active" && m.roles.includes("tenant_admin");

/** Counters change with the member: a guard on `activeAdmins` keeps the last tenant admin in place. */
function adminCounterOp(tenantId: string, current: Member | null, next: Member, lastAdminMessage: string): WriteOp[] {
  if (current && removesAnAdmin(current, next)) {
    return [
      {
        kind: "increment",
        key: keys.counters(tenantId),
        counters: { activeAdmins: -1 },
        guard: { counter: "activeAdmins", atLeast: 2, message: lastAdminMessage },
      },
    ];
  }
  if (isActiveAdmin(next) && !(current && isActiveAdmin(current))) {
    return [{ kind: "increment", key: keys.counters(tenantId), counters: { activeAdmins: 1 } }];
  }
  return [];
}

export async function listMembers(table: TenantTable, limit: number, cursor: string | null) {
  const tenantId = table.ctx.tenantId;
  await auditRead(table, { action: "list", subject: { type: "member-list", id: tenantId } });
  return memberEntity.page(table, { pk: keys.tenantPartition(tenantId), skPrefix: keys.memberPrefix, limit, cursor });
}

export async function getMember(table: TenantTable, personId: string): Promise<Member> {
  const member = await memberEntity.get(table, { personId });
  if (!member) throw new Problem("not_found", "No member with that id in this council");
  await auditRead(table, { action: "read", subject: { type: "member", id: personId } });
  return member;
}

/** The member record of someone, unaudited: for the per-request access check and for sync. */
export function parseMember(item: Record<string, unknown>): Member {
  return memberEntity.parse(item);
}

export function newMember(
  tenantId: string,
  personId: string,
  input: Pick<Member, "name" | "email" | "roles"> & Partial<Pick<Member, "providerId" | "joinedAt">>,
  now = new Date().toISOString(),
): Member {
  return {
    personId,
    tenantId,
    name: input.name,
    email: input.email,
    roles: input.roles,
    providerId: input.providerId ?? null,
    joinedAt: input.joinedAt ?? null,
    status: "active",
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The writes that add a member: the record, the counters and the audit entry. */
export function addMemberOps(table: TenantTable, member: Member): WriteOp[] {
  return [
    memberEntity.put(member.tenantId, member, "absent"),
    // One update of the counters item: a transaction may touch each item only once.
    {
      kind: "increment",
      key: keys.counters(member.tenantId),
      counters: isActiveAdmin(member) ? { members: 1, activeAdmins: 1 } : { members: 1 },
    },
    auditOp(table, {
      action: "create",
      subject: { type: "member", id: member.personId },
      fields: ["name", "email", "roles", ...(member.providerId ? ["providerId"] : [])],
    }),
  ];
}

/** Adds a member who already has a sign-in (demo data, provider staff joining another council). */
export async function createMember(
  table: TenantTable,
  input: Pick<Member, "name" | "email" | "roles"> & Partial<Pick<Member, "providerId">>,
  idempotencyKey: string | undefined,
  personId: string = randomUUID(),
) {
  return createOnce(table, idempotencyKey, hashRequest(input), async () => {
    const now = new Date().toISOString();
    const member = newMember(table.ctx.tenantId, personId, { ...input, joinedAt: now }, now);
    return { ops: addMemberOps(table, member), response: { status: 201, body: member } };
  });
}

/**
 * Invites someone into the scheme. A person new to Tandem gets a single-use link to set a password;
 * someone who already signs in (a provider's coordinator working for a second council) is told
 * they have access. The member, the invitation and the e-mail are written together.
 */
export async function inviteMember(
  table: TenantTable,
  input: {
    person: { personId: string };
    name: string;
    email: string;
    roles: Member["roles"];
    providerId: string | null;
    tenant: Pick<Tenant, "name" | "slug">;
    publicBaseUrl: string;
  },
  idempotencyKey: string | undefined,
) {
  const { person, tenant } = input;
  const fingerprint = { email: input.email, roles: input.roles, providerId: input.providerId, name: input.name };
  return createOnce(table, idempotencyKey, hashRequest(fingerprint), async () => {
    const tenantId = table.ctx.tenantId;
    const existing = await memberEntity.get(table, { personId: person.personId });
    if (existing) {
      throw new Problem(
        "already_exists",
        `${input.email} is already a member of this scheme: change their roles or reactivate them instead`,
      );
    }
    // Everyone, with an account elsewhere or not, joins by accepting the invitation: nobody becomes a
    // member without consent, and the answer does not reveal whether the address has an account.
    const member = newMember(tenantId, person.personId, { ...input, joinedAt: null });
    return {
      ops: invitedMemberOps(table, member, tenant, input.publicBaseUrl),
      response: { status: 201, body: member },
    };
  });
}

/**
 * The writes that invite a new member: the member record (joining when they accept), the
 * single-use invitation and its e-mail. Shared by "invite a member" and a volunteer's approval.
 */
export function invitedMemberOps(
  table: TenantTable,
  member: Member,
  tenant: Pick<Tenant, "name" | "slug">,
  publicBaseUrl: string,
  language: PublicLanguage = "en",
): WriteOp[] {
  const ops = addMemberOps(table, member);
  const link = newLinkToken();
  ops.push({ kind: "put", item: invitationItem(member.tenantId, link.hash, member), expect: "absent" });
  const mail = invitationEmail(
    member.email,
    member.name,
    tenant,
    `${publicBaseUrl}/${tenant.slug}/invitation/${link.token}`,
    language,
  );
  ops.push(outboxOp(table, mail));
  return ops;
}

/** The member record of a person in this council, if any (unaudited: the caller audits its own change). */
export function findMember(table: TenantTable, personId: string): Promise<Member | undefined> {
  return memberEntity.get(table, { personId });
}

/** Adds roles to an existing member (version-conditioned), with the audit entry. */
export function addRolesOps(table: TenantTable, member: Member, roles: Member["roles"]): WriteOp[] {
  const next: Member = {
    ...member,
    roles: [...new Set([...member.roles, ...roles])],
    version: member.version + 1,
    updatedAt: new Date().toISOString(),
  };
  return [
    memberEntity.put(member.tenantId, next, { version: member.version }),
    auditOp(table, { action: "update", subject: { type: "member", id: member.personId }, fields: ["roles"] }),
  ];
}

/**
 * The invitation to set a password. Staff are invited in English (the workspace is English, ADR 22);
 * an approved volunteer in the language they applied in, told that the pages it opens are English.
 */
export function invitationEmail(
  to: string,
  name: string,
  tenant: Pick<Tenant, "name">,
  link: string,
  language: PublicLanguage = "en",
): OutgoingEmail {
  if (language === "cy") {
    // WELSH-CHECK: new Welsh for issue 18, not yet read by a Welsh speaker (ADR 22, "Welsh to check").
    // The link carries no ?lang=cy: sign-in and the volunteer portal are English (ADR 22).
    return {
      to: [to],
      subject: `Trefnwch eich cyfrif Tandem ar gyfer ${tenant.name}`,
      text: [
        `Annwyl ${name},`,
        "",
        `Rydych wedi cael gwahoddiad i gynllun Ymwelwyr Annibynnol ${tenant.name} yn Tandem.`,
        "Dilynwch y ddolen hon i ddewis eich cyfrinair. Mae'n gweithio unwaith ac yn dod i ben ymhen 7 diwrnod:",
        "",
        link,
        "",
        "Mae'r tudalennau mewngofnodi a'ch tudalen gwirfoddolwr yn Tandem yn Saesneg ar hyn o bryd.",
        "",
        "Os nad oeddech yn disgwyl yr e-bost hwn, gallwch ei anwybyddu.",
      ].join("\n"),
    };
  }
  return {
    to: [to],
    subject: `Set up your Tandem account for ${tenant.name}`,
    text: [
      `Hello ${name},`,
      "",
      `You have been invited to ${tenant.name}'s Independent Visitor scheme in Tandem.`,
      "Follow this link to choose your password. It works once and expires in 7 days:",
      "",
      link,
      "",
      "If you were not expecting this e-mail, you can ignore it.",
    ].join("\n"),
  };
}

export async function updateMember(
  table: TenantTable,
  personId: string,
  change: Partial<Pick<Member, "name" | "roles" | "status">> & { version: number },
): Promise<{ before: Member; after: Member }> {
  const current = await memberEntity.get(table, { personId });
  if (!current) throw new Problem("not_found", "No member with that id in this council");
  if (current.version !== change.version) {
    throw new Problem("version_conflict", "Someone else changed this member since you loaded it; reload and try again");
  }
  const { version: _v, ...fields } = change;
  const next: Member = { ...current, ...fields, version: current.version + 1, updatedAt: new Date().toISOString() };
  await table.transact([
    memberEntity.put(next.tenantId, next, { version: current.version }),
    ...adminCounterOp(
      next.tenantId,
      current,
      next,
      `${current.name} is the only active tenant admin: make someone else a tenant admin first`,
    ),
    auditOp(table, { action: "update", subject: { type: "member", id: personId }, fields: Object.keys(fields) }),
  ]);
  return { before: current, after: next };
}

/**
 * Records a tenant admin's reset of a member's authenticator app, before the identity provider forgets it
 * (so no reset goes unaudited). The member must be this council's: another council's id is not found.
 */
export async function recordAuthenticatorReset(table: TenantTable, personId: string): Promise<Member> {
  const current = await memberEntity.get(table, { personId });
  if (!current) throw new Problem("not_found", "No member with that id in this council");
  await table.transact([
    auditOp(table, { action: "update", subject: { type: "member", id: personId }, fields: ["authenticator app"] }),
  ]);
  return current;
}
