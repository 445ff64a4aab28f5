import { expect } from "vitest";
import { type CallOptions, call } from "./client.js";

type Res = Awaited<ReturnType<typeof call>>;
type Json = Record<string, unknown>;

/** Today in London, as the API dates steps and checks. */
export const today = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
}).format(new Date());

/**
 * A council's volunteer record as its coordinator reads and changes it: each change sends the
 * version just loaded, as the SPA does.
 */
export function volunteerCalls(coordinator: CallOptions) {
  async function load(id: string, as = coordinator): Promise<Json> {
    const res = await call("GET", `/api/volunteers/${id}`, as);
    expect(res.status, res.text).toBe(200);
    return res.json as Json;
  }
  async function act(id: string, body: Json, as = coordinator): Promise<Res> {
    const current = await load(id);
    return call("POST", `/api/volunteers/${id}/actions`, { ...as, body: { ...body, version: current.version } });
  }
  async function putCheck(id: string, check: Json): Promise<Res> {
    const current = await load(id);
    return call("PUT", `/api/volunteers/${id}/checks/${check.kind}`, {
      ...coordinator,
      body: { check, version: current.version },
    });
  }
  return { load, act, putCheck };
}
