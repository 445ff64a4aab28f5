import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { Database } from "../database.js";
import * as keys from "../keys.js";
import { TenantContext } from "../tenant-context.js";
import type { TenantTable } from "../tenant-table.js";
import { rebuildSummaries, storedSummaries, summariesFromRecords } from "./rebuild.js";

/**
 * The summaries every write keeps agree with a rebuild from the records, on the shared stack after
 * whatever the other test files (referrals, volunteers, pipelines) have written; and a rebuild
 * leaves them as they were.
 */

let client: DynamoDBDocumentClient;
let table: TenantTable;

beforeAll(() => {
  const url = new URL((inject as (k: string) => { url: string })("stack").url);
  client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${Number(url.port) + 1}`,
      region: "eu-west-2",
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    }),
  );
  const db = new Database(
    "tandem",
    async () => client,
    async () => client,
  );
  table = db.forTenant(
    TenantContext.fromVerifiedMembership(
      { personId: "summaries-int", email: "manager@riverford.example", name: "Summaries test" },
      { tenantId: "riverford", roles: ["manager"] },
      "summaries-int",
    ),
  );
});

afterAll(() => client.destroy());

it.each(["riverford", "eastmere"])("live summaries equal a rebuild from the records (%s)", async (tenantId) => {
  const t =
    tenantId === "riverford"
      ? table
      : new Database(
          "tandem",
          async () => client,
          async () => client,
        ).forTenant(
          TenantContext.fromVerifiedMembership(
            { personId: "summaries-int", email: "manager@eastmere.example", name: "Summaries test" },
            { tenantId, roles: ["manager"] },
            "summaries-int",
          ),
        );
  // What stands now keeps no zero for a wait or step that ended (the commit tidies them).
  for (const group of ["referrals", "volunteers", "matches", "money", "concerns"]) {
    const open = await t.query({ pk: keys.reportPartition(tenantId), skPrefix: `${group}#~OPEN#`, limit: 100 });
    expect(open.items.flatMap((item) => Object.entries(item).filter(([, v]) => v === 0))).toEqual([]);
  }
  // Every group: the council's and each coordinator's caseload (matches, visits, money, concerns).
  const rebuilt = await summariesFromRecords(t);
  expect(await storedSummaries(t)).toEqual(rebuilt);
  await rebuildSummaries(t);
  expect(await storedSummaries(t)).toEqual(rebuilt);
});
