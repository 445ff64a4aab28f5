import type * as C from "@tandem/contracts";
import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import type { z } from "zod";
import { chooseTenant, clearSession, startSession } from "../session";
import {
  ApiError,
  type Body,
  call,
  type Output,
  setUnauthorisedHandler,
  url,
  withoutControlCharacters,
} from "./client";
import type { Referral } from "./referrals";
import type { Me, PolicyChange, TenantView } from "./types";
import type { Volunteer } from "./volunteers";

describe("the typed client's types are the routes' schemas", () => {
  // Checked by `pnpm typecheck` (tsc reads this file); vitest only runs the empty bodies.
  it("answers with what the route's response schema declares", () => {
    expectTypeOf<Output<"get", "/api/me">>().toEqualTypeOf<z.output<typeof C.Me>>();
    expectTypeOf<Me>().toEqualTypeOf<z.output<typeof C.Me>>();
    expectTypeOf<TenantView>().toEqualTypeOf<z.output<typeof C.TenantView>>();
    expectTypeOf<Referral>().toEqualTypeOf<z.output<typeof C.Referral>>();
    expectTypeOf<Volunteer>().toEqualTypeOf<z.output<typeof C.Volunteer>>();
  });

  it("sends what the route's request schema accepts", () => {
    expectTypeOf<PolicyChange>().toEqualTypeOf<z.input<typeof C.PolicyChange>>();
    expectTypeOf<Body<"post", "/api/referrals/:id/actions">>().toEqualTypeOf<z.input<typeof C.TakeReferralAction>>();
  });
});

describe("url", () => {
  it.each([
    ["/api/referrals/:id", { param: { id: "R-1" } }, "/api/referrals/R-1"],
    [
      "/api/public/tenants/:slug/references/:token",
      { param: { slug: "riverford", token: "a/b?c" } },
      "/api/public/tenants/riverford/references/a%2Fb%3Fc",
    ],
    [
      "/api/volunteers/:id/references/:index/request",
      { param: { id: "V 1", index: 0 } },
      "/api/volunteers/V%201/references/0/request",
    ],
    [
      "/api/referrals",
      { query: { sort: "oldest", status: undefined, q: "", cursor: null } },
      "/api/referrals?sort=oldest",
    ],
    ["/api/members", { query: { limit: "100", cursor: "next page" } }, "/api/members?limit=100&cursor=next+page"],
    ["/api/tenant", {}, "/api/tenant"],
  ])("%s with %j is %s", (path, input, expected) => {
    expect(url(path, input)).toBe(expected);
  });
});

describe("call", () => {
  const sent: { url: string; init: RequestInit }[] = [];
  const answer = (status: number, body: unknown) =>
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init: RequestInit) => {
        sent.push({ url, init });
        return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
      }),
    );
  afterEach(() => {
    vi.unstubAllGlobals();
    sent.length = 0;
    clearSession();
    setUnauthorisedHandler(() => {});
  });

  it("sends the token, the council acted for, the Idempotency-Key and the JSON body, and answers the JSON", async () => {
    startSession({ idToken: "token-1", accessToken: "access" });
    chooseTenant("riverford");
    answer(201, { personId: "p-1" });
    const json = { email: "new.person@example.org", name: "New Person", roles: ["coordinator" as const] };
    const created = await call(
      "post",
      "/api/members",
      { header: { "idempotency-key": "key-12345" }, json },
      {
        tenantScoped: true,
      },
    );
    expect(created).toEqual({ personId: "p-1" });
    const [request] = sent;
    expect(request?.url).toBe("/api/members");
    expect(request?.init).toMatchObject({ method: "POST", credentials: "omit", cache: "no-store" });
    expect(request?.init.headers).toEqual({
      Accept: "application/json",
      Authorization: "Bearer token-1",
      "X-Tandem-Tenant": "riverford",
      "Content-Type": "application/json",
      "Idempotency-Key": "key-12345",
    });
    expect(JSON.parse(String(request?.init.body))).toEqual(json);
  });

  it("refuses a council-scoped call before any council is chosen, without sending it", async () => {
    startSession({ idToken: "token-1", accessToken: "access" });
    answer(200, {});
    await expect(call("get", "/api/tenant", {}, { tenantScoped: true })).rejects.toMatchObject({
      status: 0,
      message: "Choose a council first.",
    });
    expect(sent).toEqual([]);
  });

  it("turns a refusal into an ApiError with its code and fields, and a 401 into signing out", async () => {
    startSession({ idToken: "token-1", accessToken: "access" });
    const signedOut = vi.fn();
    setUnauthorisedHandler(signedOut);
    answer(400, {
      error: { code: "validation_failed", message: "Check it", fields: [{ path: "name", message: "Enter a name" }] },
    });
    const refused = await call("get", "/api/me", {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 400,
      code: "validation_failed",
      fields: [{ path: "name", message: "Enter a name" }],
    });
    expect(signedOut).not.toHaveBeenCalled();
    answer(401, { error: { code: "unauthorised", message: "Sign in again" } });
    await expect(call("get", "/api/me", {})).rejects.toMatchObject({ status: 401 });
    expect(signedOut).toHaveBeenCalledOnce();
  });
});

describe("text sent to the API", () => {
  it.each([
    ["Word's manual line break becomes a new line", "First line\u000bsecond line", "First line\nsecond line"],
    ["a page break becomes a new line", "Page one\fpage two", "Page one\npage two"],
    ["an invisible control character is left out", "Ada\u0000 \u0007likes \u001bchess", "Ada likes chess"],
    ["tab, new line and carriage return are kept", "a\tb\r\nc", "a\tb\r\nc"],
    ["ordinary text is unchanged", "Zoë's café, £40", "Zoë's café, £40"],
  ])("%s", (_, typed, sent) => {
    expect(JSON.parse(JSON.stringify({ answers: [{ text: typed }] }, withoutControlCharacters))).toEqual({
      answers: [{ text: sent }],
    });
  });
});
