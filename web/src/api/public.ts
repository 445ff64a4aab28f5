/** The public API: no sign-in, used by the council's public pages and by invitations. */
import { api } from "./client";
import type {
  AcceptedInvitation,
  AcceptInvitation,
  InvitationView,
  PublicTenant,
  SignupReceipt,
  SignupRequestInput,
} from "./types";

const tenantPath = (slug: string) => `/api/public/tenants/${encodeURIComponent(slug)}`;

export function requestSignup(body: SignupRequestInput, idempotencyKey: string): Promise<SignupReceipt> {
  return api<SignupReceipt>("/api/public/signup-requests", { method: "POST", body, idempotencyKey });
}

export function publicTenant(slug: string): Promise<PublicTenant> {
  return api<PublicTenant>(tenantPath(slug));
}

const invitationPath = (slug: string, token: string) => `${tenantPath(slug)}/invitations/${encodeURIComponent(token)}`;

export function invitation(slug: string, token: string): Promise<InvitationView> {
  return api<InvitationView>(invitationPath(slug, token));
}

export function acceptInvitation(slug: string, token: string, body: AcceptInvitation): Promise<AcceptedInvitation> {
  return api<AcceptedInvitation>(invitationPath(slug, token), { method: "POST", body });
}
