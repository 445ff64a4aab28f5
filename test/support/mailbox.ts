import { inject } from "vitest";

export interface MailboxEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
}

/** Everything a person reads in an e-mail: its subject and body. */
export const textOf = (m: MailboxEmail) => `${m.subject}\n${m.body.text ?? ""}\n${m.body.html ?? ""}`;

/**
 * The SES emulator's mailbox at `baseUrl` (its own `GET /store`, newest last). The outbox relay
 * delivers asynchronously, as it does in AWS, so a test polls the mailbox rather than expecting a
 * message at once.
 */
export function mailboxAt(baseUrl: string) {
  const all = async (): Promise<MailboxEmail[]> => {
    const res = await fetch(`${baseUrl}/store`);
    if (!res.ok) throw new Error(`The SES emulator's mailbox answered ${res.status}`);
    return ((await res.json()) as { emails: MailboxEmail[] }).emails;
  };
  const to = async (address: string) =>
    (await all()).filter((m) => m.destination.to.some((t) => t.toLowerCase() === address.toLowerCase()));
  const waitFor = async (
    address: string,
    matches: (m: MailboxEmail) => boolean,
    pick: "oldest" | "newest",
    what: string,
    timeoutMs: number,
  ): Promise<MailboxEmail> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await to(address)).filter(matches);
      const chosen = pick === "oldest" ? found[0] : found.at(-1);
      if (chosen) return chosen;
      if (Date.now() > deadline) {
        const seen = (await all()).map((m) => `${m.destination.to.join(",")}: ${m.subject}`);
        throw new Error(
          `No e-mail to ${address} ${what} within ${timeoutMs} ms; the mailbox has ${JSON.stringify(seen)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  return {
    all,
    /** Every e-mail to `address`, oldest first. */
    to,
    /** The newest e-mail to `address` whose subject matches. */
    waitForMail: (address: string, subject: RegExp, timeoutMs = 20_000) =>
      waitFor(address, (m) => subject.test(m.subject), "newest", `matching ${subject}`, timeoutMs),
    /** The first e-mail to `address` whose subject or body contains `text`. */
    waitForMailContaining: (address: string, text: string, timeoutMs = 30_000) =>
      waitFor(address, (m) => textOf(m).includes(text), "oldest", `containing ${text}`, timeoutMs),
  };
}

/** The mailbox of the stack the integration tests share (its SES emulator is on the stack's port + 5). */
function sharedMailbox() {
  const url = new URL(inject("stack").url);
  return mailboxAt(`http://${url.hostname}:${Number(url.port) + 5}`);
}

export const mailbox = () => sharedMailbox().all();
export const waitForMail = (address: string, subject: RegExp, timeoutMs = 15_000) =>
  sharedMailbox().waitForMail(address, subject, timeoutMs);
export const waitForMailContaining = (address: string, text: string, timeoutMs = 30_000) =>
  sharedMailbox().waitForMailContaining(address, text, timeoutMs);

/** The first link in an e-mail's text that contains `part`. */
export function linkIn(mail: MailboxEmail, part: string): string {
  const link = (mail.body.text ?? "").match(/https?:\/\/\S+/g)?.find((l) => l.includes(part));
  if (!link) throw new Error(`No link containing ${part} in "${mail.subject}"`);
  return link;
}
