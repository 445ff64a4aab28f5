import type { OutgoingEmail } from "./outgoing-email.js";

/**
 * The e-mail an outbox item (as stored, or as a stream image) asks to send; undefined when malformed.
 * Without zod on purpose: `outboxItem` checked the e-mail against `OutgoingEmail` in full when it wrote
 * the item, in the same transaction as the change, so the relay (the e-mail function, which would
 * otherwise carry zod's 135 KB for this one check) only checks that the shape is still there.
 */
export function outgoingEmailOf(image: Record<string, unknown>): OutgoingEmail | undefined {
  const mail = image.mail;
  if (typeof mail !== "object" || mail === null) return undefined;
  const { to, subject } = mail as Record<string, unknown>;
  const text = image.body;
  const addresses = Array.isArray(to) && to.length > 0 && to.every((t) => typeof t === "string" && t.includes("@"));
  if (!addresses || typeof subject !== "string" || subject === "" || typeof text !== "string") return undefined;
  return { to: to as string[], subject, text };
}
