import { type ProviderOrganisation, providerMatches, providerNameKey } from "@tandem/domain/tenants";
import { z } from "zod";
import type { Database } from "./database.js";
import { defineEntity } from "./entity.js";
import { Problem } from "./errors.js";
import { keys } from "./keys.js";
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

/** At most this many answers to one search: a name narrows it, it is not a list to browse. */
export const DIRECTORY_MATCHES = 20;
/** How far a search reads (100 a page): a directory of councils' providers stays far smaller. */
const DIRECTORY_PAGES = 20;

/** The platform's records as a council's request reaches them (the directory, here), metered with the request. */
function platformFor(db: Database, table: TenantTable): TenantTable {
  return db.forTenant(TenantContext.forPlatform(table.ctx.actor, table.ctx.requestId), table.meter);
}

/** Registered providers whose name or short name has every word of `query`, by name. */
export async function searchProviderDirectory(
  db: Database,
  table: TenantTable,
  query: string,
): Promise<ProviderOrganisation[]> {
  const platform = platformFor(db, table);
  const found: ProviderOrganisation[] = [];
  let cursor: string | null = null;
  // The directory is read whole and filtered here: names are matched on any word, which no key order serves.
  for (let page = 0; page < DIRECTORY_PAGES; page++) {
    const next = await providerDirectoryEntity.page(platform, {
      pk: keys.providerDirectoryPartition,
      skPrefix: keys.providerDirectoryPrefix,
      limit: 100,
      cursor,
    });
    found.push(...next.items.filter((p) => providerMatches(query, p)).map(({ id, name }) => ({ id, name })));
    cursor = next.cursor;
    if (!cursor) break;
  }
  return found.sort((a, b) => a.name.localeCompare(b.name, "en-GB")).slice(0, DIRECTORY_MATCHES);
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
  await platform.transact([
    providerDirectoryEntity.put(platform.ctx.tenantId, registered, { absent: true, message: raced }),
    providerNameEntity.put(platform.ctx.tenantId, { nameKey, id: provider.id }, { absent: true, message: raced }),
  ]);
  return registered;
}
