import { type ProviderOrganisation, providerMatches, providerNameKey } from "@tandem/domain/tenants";
import * as z from "zod";
import type { Database } from "./database.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import * as keys from "./keys.js";
import { TenantContext } from "./tenant-context.js";
import type { TenantTable } from "./tenant-table.js";

/**
 * The platform's directory of providers (issue 19, item 11): a provider's short name and name, nothing
 * else, written the first time any council commissions it. A council adding a provider searches it, so
 * a charity working for several councils stays one provider (one short name for its staff everywhere)
 * instead of `brightpath` at one council and `brightpath-visiting-trust` at the next.
 */
export const providerDirectoryEntity = defineEntity({
  type: "provider",
  schema: z.object({ id: z.string(), name: z.string() }),
  key: (_platform, p: { id: string }) => keys.provider(p.id),
});

/** The same provider's name, compared loosely, pointing at its short name: a name is registered once. */
export const providerNameEntity = defineEntity({
  type: "provider-name",
  schema: z.object({ nameKey: z.string(), id: z.string() }),
  key: (_platform, n: { nameKey: string }) => keys.providerName(n.nameKey),
});

/** A word of a provider's name or short name, with the provider: what a search reads. */
export const providerWordEntity = defineEntity({
  type: "provider-word",
  schema: z.object({ word: z.string(), id: z.string(), name: z.string() }),
  key: (_platform, w: { word: string; id: string }) => keys.providerWord(w.word, w.id),
});

/** At most this many answers to one search: a name narrows it, it is not a list to browse. */
export const DIRECTORY_MATCHES = 20;

/** The platform's records as a council's request reaches them (the directory, here), metered with the request. */
function platformFor(db: Database, table: TenantTable): TenantTable {
  return db.forTenant(TenantContext.forPlatform(table.ctx.actor, table.ctx.requestId), table.meter);
}

/** The words a provider is found by: those of its name, compared loosely, and of its short name. */
function wordsOf(provider: ProviderOrganisation): string[] {
  return [...new Set([...providerNameKey(provider.name).split(" "), ...provider.id.split("-")])].filter(Boolean);
}

/** Every item that registers a provider: its entry, its name's, and one per word it is found by. */
export function providerDirectoryItems(provider: ProviderOrganisation) {
  return {
    entry: providerDirectoryEntity.item("", provider),
    name: providerNameEntity.item("", { nameKey: providerNameKey(provider.name), id: provider.id }),
    words: wordsOf(provider).map((word) => providerWordEntity.item("", { word, ...provider })),
  };
}

/**
 * Registered providers whose name or short name has every word of `query`, by name. One page of the
 * entries of the longest word typed (its prefix: "visit" finds "visiting"), each checked for the rest.
 */
export async function searchProviderDirectory(
  db: Database,
  table: TenantTable,
  query: string,
): Promise<ProviderOrganisation[]> {
  const words = providerNameKey(query).split(" ").filter(Boolean);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), "");
  if (!longest) return [];
  const page = await providerWordEntity.page(platformFor(db, table), {
    pk: keys.providerDirectoryPartition,
    skPrefix: keys.providerWordPrefix(longest),
    limit: 100,
  });
  const found = new Map<string, ProviderOrganisation>();
  for (const { id, name } of page.items) if (providerMatches(query, { id, name })) found.set(id, { id, name });
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB")).slice(0, DIRECTORY_MATCHES);
}

/**
 * Registers a provider a council is commissioning, or finds it registered: the provider as the directory
 * holds it. A short name registered for another name, or a name registered under another short name, is
 * refused naming the field and the registered provider, so the council chooses it instead of adding it twice.
 */
export async function registerProvider(
  db: Database,
  table: TenantTable,
  provider: ProviderOrganisation,
): Promise<ProviderOrganisation> {
  const platform = platformFor(db, table);
  const nameKey = providerNameKey(provider.name);
  const [byId, byName] = await Promise.all([
    providerDirectoryEntity.get(platform, { id: provider.id }, { consistent: true }),
    providerNameEntity.get(platform, { nameKey }, { consistent: true }),
  ]);
  if (byId) {
    if (providerNameKey(byId.name) === nameKey) return { id: byId.id, name: byId.name };
    const message = `The short name ${byId.id} is already registered on Tandem for ${byId.name}: choose ${byId.name}, or give another short name`;
    throw new Problem("conflict", message, { fields: [{ path: "provider.id", message }] });
  }
  if (byName) {
    const message = `The provider's name ${provider.name} is already registered on Tandem with the short name ${byName.id}: choose that provider instead of adding it again`;
    throw new Problem("conflict", message, { fields: [{ path: "provider.name", message }] });
  }
  const registered = { id: provider.id, name: provider.name.trim() };
  const raced = "Another council registered this provider a moment ago: search for it again and choose it";
  const items = providerDirectoryItems(registered);
  await platform.transact([
    { kind: "put", item: items.entry, expect: "absent", message: raced },
    { kind: "put", item: items.name, expect: "absent", message: raced },
    ...items.words.map((item) => ({ kind: "put" as const, item, expect: "any" as const })),
  ]);
  return registered;
}
