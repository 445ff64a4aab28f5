import { expect } from "vitest";
import { type CallOptions, call } from "./client.js";

/** Files as a phone or a careless upload would send them: the first bytes decide what they are. */
export const files = {
  jpeg: () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, ...new Array(200).fill(7)]),
  pdf: () => new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"),
  html: () => new TextEncoder().encode("<!doctype html><script>alert(document.cookie)</script>"),
  exe: () => new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, ...new Array(200).fill(0)]),
};

/** Uploads a file as the receipt of a match; the declared type is what the client claims, not what is stored. */
export function uploadReceipt(as: CallOptions, matchId: string, bytes: Uint8Array, declared = "image/jpeg") {
  return call("POST", `/api/matches/${matchId}/receipts`, {
    ...as,
    rawBody: bytes,
    headers: { "content-type": declared },
  });
}

/** Uploads a good JPEG and returns its id, for a claim item. */
export async function receiptId(as: CallOptions, matchId: string): Promise<string> {
  const res = await uploadReceipt(as, matchId, files.jpeg());
  expect(res.status, res.text).toBe(201);
  return res.json.receiptId as string;
}
