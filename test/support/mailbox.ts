import { inject } from "vitest";

export interface MailboxEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** Every message the SES emulator has received (its own `GET /store`), newest last. */
export async function mailbox(): Promise<MailboxEmail[]> {
  const url = new URL(inject("stack").url);
  const res = await fetch(`http://${url.hostname}:${Number(url.port) + 5}/store`);
  return ((await res.json()) as { emails: MailboxEmail[] }).emails;
}

/**
 * Waits for an e-mail to `address` whose subject matches: the outbox relay delivers asynchronously,
 * as it does in AWS, so a test polls the mailbox rather than expecting it at once.
 */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 15_000): Promise<MailboxEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox()).filter(
      (m) => m.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()) && subject.test(m.subject),
    );
    const last = found.at(-1);
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`No e-mail to ${address} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link in an e-mail's text that contains `part`. */
export function linkIn(mail: MailboxEmail, part: string): string {
  const link = (mail.body.text ?? "").match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  if (!link) throw new Error(`No link containing ${part} in "${mail.subject}"`);
  return link;
}
