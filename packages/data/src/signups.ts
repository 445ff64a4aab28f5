import { randomBytes, randomUUID } from "node:crypto";
import { signupReplyPromise } from "@tandem/domain/signup";
import { signupReference } from "@tandem/domain/signup-reference";
import * as z from "zod";
import { auditOp } from "./audit.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import { createOnce, hashRequest } from "./idempotency.js";
import * as keys from "./keys.js";
import { outboxOp } from "./outbox.js";
import { PLATFORM_TENANT } from "./table.js";
import type { Item, TenantTable } from "./tenant-table.js";

/**
 * A council's request for an account. Kept in the platform's partition: it is the operator's
 * record, holds only the contact's work details, and exists before any tenant does.
 */
export const StoredSignup = z.object({
  id: z.string(),
  /** What people quote; the id stays the key. Requests made before references existed have none. */
  reference: z.string().optional(),
  councilName: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactRole: z.string(),
  expectedChildren: z.number(),
  message: z.string(),
  status: z.enum(["pending", "approved", "declined"]),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  declineReason: z.string().nullable(),
  tenantId: z.string().nullable(),
  version: z.number().int(),
});
export type StoredSignup = z.infer<typeof StoredSignup>;
type SignupInput = Pick<
  StoredSignup,
  "councilName" | "contactName" | "contactEmail" | "contactRole" | "expectedChildren" | "message"
>;

/** A sign-up request, in the platform's `#SIGNUP` partition, indexed by status for the operator's queue. */
export const signupEntity = defineEntity({
  type: "signup",
  schema: StoredSignup,
  key: (_platform, s: { id: string }) => keys.signup(s.id),
  index: (_platform, s) => ({ gsi1pk: keys.signupsByStatus(s.status), gsi1sk: `${s.createdAt}#${s.id}` }),
});

export function signupItem(s: StoredSignup): Item {
  return signupEntity.item(PLATFORM_TENANT, s);
}

export async function createSignup(registry: TenantTable, input: SignupInput, idempotencyKey: string | undefined) {
  return createOnce(registry, idempotencyKey, hashRequest(input), async () => {
    const signup: StoredSignup = {
      ...input,
      id: randomUUID(),
      reference: signupReference(randomBytes(8)),
      status: "pending",
      createdAt: new Date().toISOString(),
      decidedAt: null,
      decidedBy: null,
      declineReason: null,
      tenantId: null,
      version: 1,
    };
    return {
      ops: [
        signupEntity.put(registry.ctx.tenantId, signup, "absent"),
        auditOp(registry, { action: "create", subject: { type: "signup", id: signup.id } }),
        outboxOp(registry, {
          to: [signup.contactEmail],
          subject: "We have your request for a Tandem account",
          text: `Hello ${signup.contactName},\n\nThank you for asking for a Tandem account for ${signup.councilName}. Your reference is ${signup.reference}.\n\nWe will reply to this address ${signupReplyPromise()}.\n`,
        }),
      ],
      response: { status: 202, body: { id: signup.id, reference: signup.reference, status: signup.status } },
    };
  });
}

export async function listSignups(
  platform: TenantTable,
  status: StoredSignup["status"],
  limit: number,
  cursor: string | null,
) {
  return signupEntity.page(platform, { index: "gsi1", pk: keys.signupsByStatus(status), limit, cursor });
}

/** A pending request at the version the operator saw; anything else is refused before any change. */
export async function pendingSignup(platform: TenantTable, id: string, version: number): Promise<StoredSignup> {
  const signup = await signupEntity.get(platform, { id });
  if (!signup) throw new Problem("not_found", "There is no sign-up request with that id");
  if (signup.status !== "pending") {
    throw new Problem("conflict", `This request was already ${signup.status}; reload the list`);
  }
  if (signup.version !== version) {
    throw new Problem("version_conflict", "This request changed since you loaded it; reload and try again");
  }
  return signup;
}

export function decidedSignup(
  platform: TenantTable,
  signup: StoredSignup,
  decision: { status: "approved"; tenantId: string } | { status: "declined"; reason: string },
): StoredSignup {
  return {
    ...signup,
    status: decision.status,
    decidedAt: new Date().toISOString(),
    decidedBy: platform.ctx.actor.email || platform.ctx.actor.personId,
    declineReason: decision.status === "declined" ? decision.reason : null,
    tenantId: decision.status === "approved" ? decision.tenantId : null,
    version: signup.version + 1,
  };
}

export async function declineSignup(platform: TenantTable, id: string, reason: string, version: number) {
  const signup = await pendingSignup(platform, id, version);
  const next = decidedSignup(platform, signup, { status: "declined", reason });
  await platform.transact([
    signupEntity.put(platform.ctx.tenantId, next, { version: signup.version }),
    auditOp(platform, { action: "update", subject: { type: "signup", id }, fields: ["status", "declineReason"] }),
    outboxOp(platform, {
      to: [signup.contactEmail],
      subject: "Your request for a Tandem account",
      text: [
        `Hello ${signup.contactName},`,
        "",
        `We are sorry: we cannot open a Tandem account for ${signup.councilName} at the moment.`,
        "",
        `The reason: ${reason}`,
        "",
        "You can reply to this e-mail if you would like to talk about it.",
      ].join("\n"),
    }),
  ]);
  return next;
}
