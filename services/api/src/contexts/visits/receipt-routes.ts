import { randomUUID } from "node:crypto";
import { MatchVisitsParam, ReceiptParam, ReceiptView } from "@tandem/contracts/visits";
import type { TenantTable } from "@tandem/data/core";
import { getReceipt, receiptObjectKey, recordReceipt } from "@tandem/data/expenses";
import { matchGlance, ownActiveMatch } from "@tandem/data/visits";
import { myVolunteerContact } from "@tandem/data/volunteers";
import {
  RECEIPT_MAX_BYTES,
  type ReceiptType,
  receiptFileName,
  receiptRefusal,
  sniffReceipt,
} from "@tandem/domain/expenses";
import { Problem } from "@tandem/domain/problems";
import { volunteerStandingRefusal } from "@tandem/domain/visits";
import * as z from "zod";
import { jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const route = routesFor({ tags: ["visits"], refuses: ["not_found"] });
const file = z.string().describe("The file's bytes");
const accepted = ["image/jpeg", "image/png", "image/heic", "application/pdf"] as const satisfies ReceiptType[];

const upload = route("post", "/api/matches/{matchId}/receipts", {
  summary: "Upload a receipt (a photo or PDF) for a claim on your own active match; the answer's id goes in the claim",
  description:
    `The file is the raw body. What it is is read from its first bytes (JPEG, PNG, HEIC or PDF; the declared ` +
    `Content-Type is not trusted), and it must be at most ${RECEIPT_MAX_BYTES / 1024 / 1024} MB (our cap: an upload ` +
    "to Lambda through API Gateway arrives base64 encoded inside Lambda's 6 MB request). Anything else is refused " +
    "with 415 or 413 and nothing is stored.",
  access: { kind: "tenant", roles: ["volunteer"] },
  refuses: ["conflict", "bad_request", "unsupported_media_type"],
  request: {
    params: MatchVisitsParam,
    body: {
      required: true,
      content: Object.fromEntries(
        [...accepted, "application/octet-stream"].map((type) => [type, { schema: file }]),
      ) as Record<string, { schema: typeof file }>,
    },
  },
  responses: { 201: jsonResponse(ReceiptView, "Stored: name `receiptId` in the claim's item") },
});

const download = route("get", "/api/matches/{matchId}/receipts/{receiptId}", {
  summary: "A receipt of the match, for its volunteer, the coordinators and finance (the read is audited)",
  access: { kind: "tenant", roles: ["volunteer", "coordinator", "finance"] },
  request: { params: ReceiptParam },
  responses: {
    200: {
      description: "The file, as the type its content was found to be, to save rather than open in place",
      content: Object.fromEntries(accepted.map((type) => [type, { schema: file }])),
    },
  },
});

/** Staff see any of the council's matches; someone who is only a volunteer, their own (any other answers 404). */
async function readableMatch(table: TenantTable, matchId: string) {
  const isStaff = table.ctx.roles.some((r) => r === "coordinator" || r === "finance");
  const match = await matchGlance(table, matchId);
  if (!isStaff && match.volunteerId !== (await myVolunteerContact(table)).id) {
    throw new Problem("not_found", "There is no match with that id in this council");
  }
  return match;
}

/** Receipts for expense claims: uploaded through the API into the council's prefix of the bucket (ADR 0018). */
export const receiptRoutes = newRouter()
  .openapi(upload, async (c) => {
    const { table, deps } = c.var;
    const { matchId } = c.req.valid("param");
    const me = await myVolunteerContact(table);
    const match = ownActiveMatch(await matchGlance(table, matchId), me.id);
    // A receipt is the start of a claim: refused, with the reason, while the volunteer may not claim.
    const standing = volunteerStandingRefusal(me.stage);
    if (standing) throw new Problem("conflict", standing);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const refusal = receiptRefusal(bytes);
    const contentType = sniffReceipt(bytes);
    if (refusal || !contentType) {
      const code = {
        empty: "bad_request",
        too_large: "payload_too_large",
        wrong_type: "unsupported_media_type",
      } as const;
      throw new Problem(refusal ? code[refusal.kind] : "unsupported_media_type", refusal?.message ?? "Not a receipt");
    }
    const receiptId = randomUUID();
    const objectKey = receiptObjectKey(table.ctx.tenantId, match.matchId, receiptId);
    // The file first, then its record: a record is never left pointing at nothing. A failure between the two
    // leaves a file nobody can name (no record, no claim) and no receipt id given out (ADR 0018).
    await deps.receipts.put(table.ctx.tenantId, objectKey, bytes, contentType);
    await recordReceipt(table, {
      matchId: match.matchId,
      id: receiptId,
      contentType,
      bytes: bytes.byteLength,
      objectKey,
      uploadedAt: new Date().toISOString(),
    });
    return c.json(ReceiptView.parse({ receiptId, contentType, bytes: bytes.byteLength }), 201);
  })
  .openapi(download, async (c) => {
    const { table, deps } = c.var;
    const { matchId, receiptId } = c.req.valid("param");
    await readableMatch(table, matchId);
    const receipt = await getReceipt(table, matchId, receiptId);
    const bytes = await deps.receipts.get(table.ctx.tenantId, receipt.objectKey);
    if (!bytes) throw new Problem("not_found", "No receipt with that id");
    return c.body(new Uint8Array(bytes), 200, {
      "content-type": receipt.contentType,
      // A name we chose and `attachment`: the file is saved, never rendered as a page of this site.
      "content-disposition": `attachment; filename="${receiptFileName(receipt.id, receipt.contentType)}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
    }) as never;
  });
