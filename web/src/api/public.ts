/** The public API: no sign-in, used by the council's public pages and by invitations. */
import { call } from "./client";
import type { AcceptInvitation, SignupRequestInput } from "./types";

export const requestSignup = (json: SignupRequestInput, idempotencyKey: string) =>
  call("post", "/api/public/signup-requests", { header: { "idempotency-key": idempotencyKey }, json });

export const publicTenant = (slug: string) => call("get", "/api/public/tenants/:slug", { param: { slug } });

export const invitation = (slug: string, token: string) =>
  call("get", "/api/public/tenants/:slug/invitations/:token", { param: { slug, token } });

export const acceptInvitation = (slug: string, token: string, json: AcceptInvitation) =>
  call("post", "/api/public/tenants/:slug/invitations/:token", { param: { slug, token }, json });
