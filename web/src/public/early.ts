/**
 * The first page's reads, asked for as the script starts instead of after the page's chunk has
 * arrived: on a phone's slow connection each step of the chain (page, script, chunk, council, form)
 * costs a round trip before anything shows (issue 20, Lighthouse). Only a council's public pages,
 * whose reads follow from the address alone; each early answer is used once, by the first page, so
 * later pages still fetch afresh (the council may change its branding or close its forms meanwhile).
 */
import { publicTenant } from "../api/public";
import { referralDraft, referralForm } from "../api/referrals";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Whether `slug` can name a council at all (anything else is not asked of the API). */
export const isCouncilSlug = (slug: string): boolean => SLUG.test(slug);

const early = new Map<string, Promise<unknown>>();

/** Starts the reads the page at `path` will make first. */
export function startEarlyReads(path: string): void {
  const m = /^\/([^/]+)\/(refer|volunteer)(?:\/([^/]+))?(?:\/([^/]+))?\/?$/.exec(path);
  const slug = m?.[1] ?? "";
  if (!m || !isCouncilSlug(slug)) return;
  keep(`tenant:${slug}`, publicTenant(slug));
  if (m[2] !== "refer" || !m[3]) return;
  keep(`referral-form:${slug}`, referralForm(slug));
  if (m[3] === "resume" && m[4]) keep(`referral-draft:${slug}:${m[4]}`, referralDraft(slug, m[4]));
}

/** The early answer for `key` if there is one (taken, so only once), else a read made now. */
export function readEarly<T>(key: string, read: () => Promise<T>): Promise<T> {
  const started = early.get(key);
  if (!started) return read();
  early.delete(key);
  return started as Promise<T>;
}

/**
 * Answers a page has just read, for the page it sends the person straight on to (a draft's link
 * opening the page to carry on from): that page takes them instead of asking again a moment later.
 * Each is taken once, like an early read.
 */
export function handOver<T>(key: string, value: T): void {
  keep(key, Promise.resolve(value));
}

function keep(key: string, read: Promise<unknown>): void {
  // Its failure is for the page to handle when it takes the answer, not an unhandled rejection before.
  read.catch(() => undefined);
  early.set(key, read);
}
