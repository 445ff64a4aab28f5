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
  if (!res.ok) throw new Error(`The SES emulator's mailbox answered ${res.status}`);
  return ((await res.json()) as { emails: MailboxEmail[] }).emails;
}

/** Everything a person reads in an e-mail: its subject and body. */
export const textOf = (m: MailboxEmail) => `${m.subject}\n${m.body.text ?? ""}\n${m.body.html ?? ""}`;

/**
 * Waits for an e-mail to `address` that `matches` (the oldest or the newest such): the outbox relay
 * delivers asynchronously, as it does in AWS, so a test polls the mailbox rather than expecting it at once.
 */
async function waitFor(
  address: string,
  matches: (m: MailboxEmail) => boolean,
  pick: "oldest" | "newest",
  what: string,
  timeoutMs: number,
): Promise<MailboxEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox()).filter(
      (m) => m.destination.to.some((to) => to.toLowerCase() === address.toLowerCase()) && matches(m),
    );
    const chosen = pick === "oldest" ? found[0] : found.at(-1);
    if (chosen) return chosen;
    if (Date.now() > deadline) throw new Error(`No e-mail to ${address} ${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The newest e-mail to `address` whose subject matches. */
export function waitForMail(address: string, subject: RegExp, timeoutMs = 15_000): Promise<MailboxEmail> {
  return waitFor(address, (m) => subject.test(m.subject), "newest", `matching ${subject}`, timeoutMs);
}

/** The first e-mail to `address` whose subject or body contains `text`. */
export function waitForMailContaining(address: string, text: string, timeoutMs = 30_000): Promise<MailboxEmail> {
  return waitFor(address, (m) => textOf(m).includes(text), "oldest", `containing ${text}`, timeoutMs);
}

/** The first link in an e-mail's text that contains `part`. */
export function linkIn(mail: MailboxEmail, part: string): string {
  const link = (mail.body.text ?? "").match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  if (!link) throw new Error(`No link containing ${part} in "${mail.subject}"`);
  return link;
}
