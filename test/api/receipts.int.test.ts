import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { RECEIPT_MAX_BYTES } from "@tandem/domain/expenses";
import { LOCAL_RECEIPTS_BUCKET } from "@tandem/local";
import { describe, expect, inject, it } from "vitest";
import { type CallOptions, call, tokenFor, users } from "../support/client.js";
import { files, receiptId, uploadReceipt } from "../support/receipts.js";

/**
 * Receipts for expense claims, stored in s3rver (the local S3) through the API: what is accepted, who may
 * read one back, and a claim naming a receipt that is not this match's.
 */
const volunteer: CallOptions = { as: users.riverfordVolunteer, tenant: "riverford" };
const coordinator: CallOptions = { as: users.riverfordCoordinator, tenant: "riverford" };
const finance: CallOptions = { as: "finance@riverford.example", tenant: "riverford" };
const panel: CallOptions = { as: "panel@riverford.example", tenant: "riverford" };
const eastmereVolunteer: CallOptions = { as: "volunteer@eastmere.example", tenant: "eastmere" };
const eastmereFinance: CallOptions = { as: "finance@eastmere.example", tenant: "eastmere" };
const brightpathCoordinator: CallOptions = { as: users.brightpathCoordinator, tenant: "eastmere" };

async function activeMatchOf(as: CallOptions): Promise<string> {
  const res = await call("GET", "/api/volunteers/me/matches", as);
  expect(res.status, res.text).toBe(200);
  const active = (res.json.items as { matchId: string; stage: string }[]).find((m) => m.stage === "active");
  if (!active) throw new Error(`no active match for ${as.as}: ${res.text}`);
  return active.matchId;
}

/** The files s3rver holds for a match (its data folder mirrors the bucket's keys). */
async function storedFiles(tenantId: string, matchId: string): Promise<string[]> {
  const dir = join(
    inject("stack").dataDir,
    "receipts",
    LOCAL_RECEIPTS_BUCKET,
    "tenants",
    tenantId,
    "receipts",
    matchId,
  );
  return readdir(dir).catch(() => []);
}

describe("a receipt", () => {
  it("is refused when it is not a photo or PDF, whatever it is labelled, and nothing is stored", async () => {
    const matchId = await activeMatchOf(volunteer);
    const before = await storedFiles("riverford", matchId);
    for (const [what, bytes] of [
      ["an HTML page", files.html()],
      ["a Windows program", files.exe()],
    ] as const) {
      const res = await uploadReceipt(volunteer, matchId, bytes, "image/jpeg");
      expect(res.status, `${what}: ${res.text}`).toBe(415);
      expect(res.json.error?.message).toBe("The receipt must be a photo (JPEG, PNG or HEIC) or a PDF");
    }
    const big = new Uint8Array(RECEIPT_MAX_BYTES + 1);
    big.set(files.jpeg());
    const tooBig = await uploadReceipt(volunteer, matchId, big, "image/jpeg");
    expect(tooBig.status, tooBig.text).toBe(413);
    expect(tooBig.json.error?.message).toMatch(/smaller than 4 MB/);
    const empty = await uploadReceipt(volunteer, matchId, new Uint8Array(), "image/jpeg");
    expect(empty.status).toBe(400);
    expect(await storedFiles("riverford", matchId)).toEqual(before);
  });

  it("is stored as what its content is, and read back by the coordinator and finance, not another council", async () => {
    const matchId = await activeMatchOf(volunteer);
    const pdf = files.pdf();
    // Labelled as a generic file: the content says PDF.
    const up = await uploadReceipt(volunteer, matchId, pdf, "application/octet-stream");
    expect(up.status, up.text).toBe(201);
    expect(up.json).toMatchObject({ contentType: "application/pdf", bytes: pdf.byteLength });
    const id = up.json.receiptId as string;
    expect((await storedFiles("riverford", matchId)).some((f) => f.startsWith(id))).toBe(true);

    for (const who of [volunteer, coordinator, finance]) {
      const res = await fetchReceipt(who, matchId, id);
      expect(res.status, `${who.as}`).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${id}.pdf"`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
    }
    // A panel member has no business with expenses; another council's staff do not see it exists.
    expect((await fetchReceipt(panel, matchId, id)).status).toBe(403);
    expect((await fetchReceipt(eastmereFinance, matchId, id)).status).toBe(404);
    expect((await fetchReceipt(brightpathCoordinator, matchId, id)).status).toBe(404);
  });

  it("of another council or match is not found when a claim names it", async () => {
    const matchId = await activeMatchOf(volunteer);
    const eastmereMatch = await activeMatchOf(eastmereVolunteer);
    const theirs = await receiptId(eastmereVolunteer, eastmereMatch);
    // Under the other council's own match, and under ours: neither answers for us.
    expect((await fetchReceipt(coordinator, eastmereMatch, theirs)).status).toBe(404);
    expect((await fetchReceipt(coordinator, matchId, theirs)).status).toBe(404);
    const month = new Date().toISOString().slice(0, 7);
    const spentOn = new Date().toISOString().slice(0, 10);
    const claim = await call("POST", `/api/matches/${matchId}/claims`, {
      ...volunteer,
      body: {
        month,
        spentOn,
        items: [{ kind: "food", description: "Lunch", amountPence: 800, receiptId: theirs }],
      },
    });
    expect(claim.status, claim.text).toBe(400);
    expect(claim.text).toContain('The receipt for \\"Lunch\\" was not found for this match: add it again');
    // A volunteer cannot put a receipt on someone else's match either.
    expect((await uploadReceipt(volunteer, eastmereMatch, files.jpeg())).status).toBe(404);
  });

  it("is required for each item but mileage where the council says so, naming the item", async () => {
    const matchId = await activeMatchOf(volunteer);
    const spentOn = new Date().toISOString().slice(0, 10);
    const claim = await call("POST", `/api/matches/${matchId}/claims`, {
      ...volunteer,
      body: {
        month: spentOn.slice(0, 7),
        spentOn,
        items: [
          { kind: "tickets", description: "Cinema tickets", amountPence: 1200 },
          { kind: "food", description: "Popcorn", amountPence: 300, receiptId: await receiptId(volunteer, matchId) },
        ],
      },
    });
    expect(claim.status, claim.text).toBe(400);
    expect((claim.json.error as { fields?: unknown } | undefined)?.fields).toEqual([
      { path: "items.0.receiptId", message: 'Add a photo or PDF of the receipt for "Cinema tickets"' },
    ]);
  });
});

async function fetchReceipt(as: CallOptions, matchId: string, id: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${await tokenFor(as.as ?? "")}` };
  if (as.tenant) headers["x-tandem-tenant"] = as.tenant;
  return fetch(`${inject("stack").url}/api/matches/${matchId}/receipts/${id}`, { headers });
}
