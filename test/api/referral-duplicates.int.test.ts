import { randomUUID } from "node:crypto";
import { exampleReferralAnswers, type ReferralAnswers } from "@tandem/domain/referrals";
import { describe, expect, it } from "vitest";
import { type CallOptions, call, users } from "../support/client.js";

/**
 * A child referred again while an earlier referral names them (issue 19, item 10): the later referral
 * is flagged "possible duplicate" with a link to the earlier one, and the lists show each child's
 * last-name initial and age so two children of one first name can be told apart.
 */

const riverford: CallOptions = { as: users.riverfordCoordinator };
const eastmere: CallOptions = { as: users.brightpathCoordinator, tenant: "eastmere" };

type Flag = { code: string; reason: string; related?: string };

/** A child no other test names, so only this file's referrals can match. */
function childAnswers(change: (a: ReferralAnswers) => void = () => {}): ReferralAnswers {
  const a = exampleReferralAnswers();
  a.child.firstName = "Ottoline";
  a.child.lastName = "Brackwater";
  a.child.dateOfBirth = "2014-02-11";
  a.referrer.workEmail = `sw-${randomUUID().slice(0, 8)}@riverford.gov.example`;
  change(a);
  return a;
}

async function enter(a: ReferralAnswers, as: CallOptions = riverford): Promise<string> {
  const res = await call("POST", "/api/referrals", {
    ...as,
    body: { kind: "professional", answers: a },
    headers: { "idempotency-key": randomUUID() },
  });
  expect(res.status, res.text).toBe(201);
  return String(res.json.reference);
}

async function flagsOf(reference: string, as: CallOptions = riverford): Promise<Flag[]> {
  const res = await call("GET", `/api/referrals/${reference}`, as);
  expect(res.status, res.text).toBe(200);
  return res.json.flags as Flag[];
}

const duplicateFlag = (flags: Flag[]) => flags.find((f) => f.code === "possible_duplicate");

describe("a child referred twice", () => {
  let first = "";

  it("raises no duplicate flag the first time", async () => {
    first = await enter(childAnswers());
    expect(duplicateFlag(await flagsOf(first))).toBeUndefined();
  });

  it("flags the second referral, typed differently, with a link to the first", async () => {
    const second = await enter(
      childAnswers((a) => {
        a.child.firstName = "OTTOLINE ";
        a.child.lastName = "brackwater";
        a.child.preferredName = "Otto";
      }),
    );
    const flag = duplicateFlag(await flagsOf(second));
    expect(flag?.related).toBe(first);
    expect(flag?.reason).toMatch(new RegExp(`same name and date of birth as referral ${first} \\(received \\d`));
    // The first referral is not changed by the second.
    expect(duplicateFlag(await flagsOf(first))).toBeUndefined();
  });

  it("does not flag another child with the same name but another date of birth", async () => {
    const other = await enter(childAnswers((a) => (a.child.dateOfBirth = "2014-02-12")));
    expect(duplicateFlag(await flagsOf(other))).toBeUndefined();
  });

  it("does not flag the same child referred to another council", async () => {
    const elsewhere = await enter(
      childAnswers((a) => (a.referrer.workEmail = `sw-${randomUUID().slice(0, 8)}@eastmere.gov.example`)),
      eastmere,
    );
    expect(duplicateFlag(await flagsOf(elsewhere, eastmere))).toBeUndefined();
  });

  it("shows the initial of the last name and the age in the coordinators' list", async () => {
    const res = await call("GET", "/api/referrals?flagged=true&limit=50", riverford);
    expect(res.status, res.text).toBe(200);
    const items = res.json.items as {
      reference: string;
      childFirstName: string;
      childLastInitial: string | null;
      childAge: number | null;
      flags: string[];
    }[];
    const flagged = items.filter((i) => i.flags.includes("possible_duplicate") && i.childLastInitial === "B");
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ childLastInitial: "B" });
    expect(flagged[0]?.childAge).toBeGreaterThanOrEqual(12);
  });
});
