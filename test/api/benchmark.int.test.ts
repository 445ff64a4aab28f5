import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { BenchmarkView } from "@tandem/contracts/benchmark";
import { Database } from "@tandem/data/core";
import { publishBenchmarks } from "@tandem/data/reporting";
import { exampleReferralAnswers } from "@tandem/domain";
import { TABLE_NAME } from "@tandem/local";
import { beforeAll, describe, expect, it } from "vitest";
import { call, users } from "../support/client.js";
import { type Council, inviteMember, newCouncil } from "../support/councils.js";
import { storedItems } from "../support/table.js";
import { today } from "../support/volunteers.js";

/**
 * Benchmarking across councils (issue 16 item 7, ADR 20) against the real local stack: councils of
 * one kind opt in, the daily job (run here as the schedule would) publishes their figures, and a
 * council sees the quartiles of its kind only once five councils contribute. Its councils are its
 * own, of a kind no other suite uses.
 */
const KIND = "welsh_principal_area";
let councils: Council[];
const versions = new Map<string, number | null>();

async function choose(council: Council, optedIn: boolean) {
  const res = await council.as(council.adminToken, "PUT", "/api/reporting/benchmark-settings", {
    optedIn,
    kind: KIND,
    version: versions.get(council.tenantId) ?? null,
  });
  expect(res.status, res.text).toBe(200);
  versions.set(council.tenantId, (res.json as { version: number }).version);
}

async function runJob() {
  const client = storedItems();
  const db = new Database(
    TABLE_NAME,
    async () => client,
    async () => client,
  );
  return publishBenchmarks(db, today, randomUUID());
}

async function benchmark(council: Council): Promise<BenchmarkView> {
  const res = await council.as(council.adminToken, "GET", "/api/reporting/benchmark");
  expect(res.status, res.text).toBe(200);
  return res.json as unknown as BenchmarkView;
}

const wait = (v: BenchmarkView) => v.figures.find((f) => f.name === "medianWaitDays");

beforeAll(async () => {
  councils = [];
  for (let i = 0; i < 5; i++) councils.push(await newCouncil("bench"));
  // A child referred today in each council: waiting, so each has a median wait (0 days today).
  for (const c of councils) {
    const coordinator = await inviteMember(c, ["coordinator"]);
    const res = await call("POST", "/api/referrals", {
      headers: {
        authorization: `Bearer ${coordinator}`,
        "x-tandem-tenant": c.tenantId,
        "idempotency-key": randomUUID(),
      },
      body: { kind: "professional", answers: exampleReferralAnswers() },
    });
    expect(res.status, res.text).toBe(201);
  }
}, 240_000);

describe("benchmarking", () => {
  it("refuses a manager's change of the setting and an opt-in without a kind", async () => {
    const c = councils[0] as Council;
    const noKind = await c.as(c.adminToken, "PUT", "/api/reporting/benchmark-settings", {
      optedIn: true,
      kind: null,
      version: null,
    });
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.json.error)).toContain("Choose the kind of council to compare with");
    const manager = await call("PUT", "/api/reporting/benchmark-settings", {
      as: users.riverfordManager,
      tenant: "riverford",
      body: { optedIn: true, kind: "unitary", version: null },
    });
    expect(manager.status).toBe(403);
  });

  it("shows nothing of other councils with four opted in", async () => {
    for (const c of councils.slice(0, 4)) await choose(c, true);
    await runJob();
    const view = await benchmark(councils[0] as Council);
    expect(view.settings).toMatchObject({ optedIn: true, kind: KIND });
    expect(wait(view)).toMatchObject({ own: 0, contributors: 4, spread: null });
    expect(wait(view)?.says).toContain("Not enough councils yet");
  });

  it("shows the median and quartiles once a fifth council opts in", async () => {
    await choose(councils[4] as Council, true);
    const published = await runJob();
    const view = await benchmark(councils[0] as Council);
    expect(view.builtOn).toBe(today);
    expect(wait(view)).toMatchObject({
      own: 0,
      contributors: 5,
      spread: { lowerQuartile: 0, median: 0, upperQuartile: 0 },
    });
    expect(wait(view)?.says).toMatch(
      /councils of this kind: median 0 days, middle half from 0 days to 0 days \(5 councils\)/,
    );
    // Coverage and match length need the matches' summaries, which reporting does not keep yet: no data, nothing shown.
    for (const name of ["coveragePercent", "matchLengthDays"]) {
      expect(view.figures.find((f) => f.name === name)).toMatchObject({ own: null, contributors: 0, spread: null });
    }
    // What is published names no council: neither the id nor the name of any of the five.
    const stored = await storedItems().send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": "T#_platform#BENCH" },
      }),
    );
    const text = JSON.stringify(stored.Items);
    for (const c of councils) expect(text).not.toContain(c.tenantId.split("-")[1]);
    expect(published.find((b) => b.kind === KIND)?.figures.medianWaitDays.contributors).toBe(5);
  });

  it("drops a council that opts out at the next build, and shows it no one else's figures", async () => {
    await choose(councils[4] as Council, false);
    await runJob();
    expect(wait(await benchmark(councils[0] as Council))).toMatchObject({ contributors: 4, spread: null });
    const out = await benchmark(councils[4] as Council);
    expect(out.settings.optedIn).toBe(false);
    expect(wait(out)?.spread).toBeNull();
  });
});
