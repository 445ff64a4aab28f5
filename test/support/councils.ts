import { randomUUID } from "node:crypto";
import { signIn } from "@tandem/local";
import { expect } from "vitest";
import { bearer, call, stackIdentity, users } from "./client.js";
import { linkIn, waitForMail } from "./mailbox.js";

/**
 * A fresh council for a suite that must not change what the demo councils' suites rely on: asked
 * for through the public sign-up, approved by the operator, its first admin's invitation accepted
 * (onboarding's own path, as test/api/onboarding.int.test.ts walks it), and members invited by
 * that admin the same way.
 */
export interface Council {
  tenantId: string;
  adminToken: string;
  /** Calls the API as `token` in this council. */
  as: (token: string, method: string, path: string, body?: unknown) => ReturnType<typeof call>;
}

const PASSWORD = "Fresh-council-2026!";

export async function newCouncil(prefix: string, presetId = "from-5-care-leavers-to-25"): Promise<Council> {
  const run = randomUUID().slice(0, 8);
  const tenantId = `${prefix}-${run}`;
  const email = `admin.${run}@${prefix}.gov.uk`;
  const signup = await call("POST", "/api/public/signup-requests", {
    body: {
      councilName: `${prefix[0]?.toUpperCase()}${prefix.slice(1)} Council ${run}`,
      contactName: "Sam Fielding",
      contactEmail: email,
      contactRole: "Head of Service",
      expectedChildren: 20,
      message: "",
    },
    // Each sign-up from its own documentation address, so the public rate limit is not shared.
    headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` },
  });
  expect(signup.status, signup.text).toBe(202);
  const approved = await call("POST", `/api/platform/signup-requests/${(signup.json as { id: string }).id}/approve`, {
    as: users.operator,
    body: { tenantId, slug: tenantId, presetId, version: 1 },
  });
  expect(approved.status, approved.text).toBe(201);
  const adminToken = await accept(tenantId, email);
  const as = (token: string, method: string, path: string, body?: unknown) =>
    call(method, path, {
      headers: { ...bearer(token), "x-tandem-tenant": tenantId },
      ...(body === undefined ? {} : { body }),
    });
  return { tenantId, adminToken, as };
}

/** Invites a member with `roles` (at `email`, to read their e-mails); answers their token once they have accepted. */
export async function inviteMember(
  council: Council,
  roles: string[],
  email = `member.${randomUUID().slice(0, 8)}@${council.tenantId}.gov.uk`,
): Promise<string> {
  const res = await council.as(council.adminToken, "POST", "/api/members", { name: "Alex Morgan", email, roles });
  expect(res.status, res.text).toBe(201);
  return accept(council.tenantId, email);
}

async function accept(tenantId: string, email: string): Promise<string> {
  const link = linkIn(await waitForMail(email, /Set up your Tandem account/), "/invitation/");
  const token = link.split("/invitation/")[1];
  const accepted = await call("POST", `/api/public/tenants/${tenantId}/invitations/${token}`, {
    body: { password: PASSWORD },
  });
  expect(accepted.status, accepted.text).toBe(200);
  return signIn(stackIdentity(), email, PASSWORD);
}
