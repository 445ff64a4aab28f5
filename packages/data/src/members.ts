import { randomUUID } from "node:crypto";
import { Member } from "@tandem/domain";
import { auditOp, auditRead } from "./audit.js";
import { DataError } from "./errors.js";
import { createOnce, hashRequest } from "./idempotency.js";
import { keys } from "./keys.js";
import type { TenantTable } from "./tenant-table.js";

const toMember = (item: Record<string, unknown>) => {
  const { pk: _pk, sk: _sk, type: _t, ...rest } = item;
  return Member.parse(rest);
};

export async function listMembers(table: TenantTable, limit: number, cursor: string | null) {
  const tenantId = table.ctx.tenantId;
  await auditRead(table, { action: "list", subject: { type: "member-list", id: tenantId } });
  const page = await table.query({ pk: keys.tenantPartition(tenantId), skPrefix: keys.memberPrefix, limit, cursor });
  return { items: page.items.map(toMember), cursor: page.cursor };
}

export async function getMember(table: TenantTable, personId: string): Promise<Member> {
  const item = await table.get(keys.member(table.ctx.tenantId, personId));
  if (!item) throw new DataError("not_found", "No member with that id in this council");
  await auditRead(table, { action: "read", subject: { type: "member", id: personId } });
  return toMember(item);
}

export async function createMember(
  table: TenantTable,
  input: Pick<Member, "name" | "email" | "roles">,
  idempotencyKey: string | undefined,
  personId: string = randomUUID(),
) {
  return createOnce(table, idempotencyKey, hashRequest(input), async () => {
    const now = new Date().toISOString();
    const member: Member = {
      personId,
      tenantId: table.ctx.tenantId,
      ...input,
      status: "active",
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return {
      ops: [
        {
          kind: "put",
          item: { ...keys.member(member.tenantId, personId), type: "member", ...member },
          expect: "absent",
        },
        { kind: "increment", key: keys.counters(member.tenantId), counters: { members: 1 } },
        auditOp(table, {
          action: "create",
          subject: { type: "member", id: personId },
          fields: ["name", "email", "roles"],
        }),
      ],
      response: { status: 201, body: member },
    };
  });
}

export async function updateMember(
  table: TenantTable,
  personId: string,
  change: Partial<Pick<Member, "name" | "roles" | "status">> & { version: number },
): Promise<Member> {
  const item = await table.get(keys.member(table.ctx.tenantId, personId));
  if (!item) throw new DataError("not_found", "No member with that id in this council");
  const current = toMember(item);
  if (current.version !== change.version) {
    throw new DataError(
      "version_conflict",
      "Someone else changed this member since you loaded it; reload and try again",
    );
  }
  const { version: _v, ...fields } = change;
  const next: Member = { ...current, ...fields, version: current.version + 1, updatedAt: new Date().toISOString() };
  await table.transact([
    {
      kind: "put",
      item: { ...keys.member(next.tenantId, personId), type: "member", ...next },
      expect: "version",
      version: current.version,
    },
    auditOp(table, { action: "update", subject: { type: "member", id: personId }, fields: Object.keys(fields) }),
  ]);
  return next;
}
