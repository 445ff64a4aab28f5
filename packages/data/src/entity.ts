import type { z } from "zod";
import { StoredItemError } from "./errors.js";
import type { ItemKey } from "./keys.js";
import type { Item, Page, TenantTable, WriteOp } from "./tenant-table.js";

/**
 * One entity of the single table, declared once: its key (built by `keys.ts`), its zod schema (the
 * TypeScript type is inferred from it), its gsi1 entry if it has one, and any attribute stored beside
 * the record (a TTL). Everything else (the item to write, the record read back, a page of them)
 * follows from the declaration, in the spirit of ElectroDB's `Entity` but with our `T#<tenant>` keys,
 * `TenantTable`'s key check and its capacity metering.
 */
export interface EntityDeclaration<S extends z.ZodType, Id> {
  /** The stored `type` attribute: the entity's name in exports, stream processors and error messages. */
  type: string;
  schema: S;
  /** Where a record lives: `id` is the part of the record (or of its link token) the key is made from. */
  key: (tenantId: string, id: Id) => ItemKey;
  /** The record's gsi1 entry; null leaves it out of the index (a sparse view). */
  index?: (tenantId: string, record: z.output<S>) => IndexKey | null;
  /** Attributes stored beside the record but not part of it, such as DynamoDB's TTL `expiresAt`. */
  extra?: (record: z.output<S>) => Record<string, unknown>;
}

export interface IndexKey {
  gsi1pk: string;
  gsi1sk: string;
}

/**
 * Where an item goes when the record alone does not say: the key's `id` when it is not part of the
 * record (an invitation is keyed by its token's hash), or a gsi1 entry chosen by the caller (each
 * referral list entry sits in a different view).
 */
export interface Placement<Id> {
  id?: Id;
  index?: IndexKey | null;
}

/** The placement argument: optional when the record carries its own key, required (with `id`) when not. */
type PlaceArg<T, Id> = T extends Id ? [place?: Placement<Id>] : [place: Placement<Id> & { id: Id }];
/** The id argument of a read: optional for an entity with one item per tenant (the tenant, its logo). */
type IdArg<Id> = object extends Id ? [id?: Id] : [id: Id];

/**
 * How a write treats the item already there: must be absent, must be at this version, or either;
 * `message` is what the refusal says instead of the general one.
 */
export type Expect = "absent" | "any" | { absent: true; message: string } | { version: number; message?: string };

export interface Entity<S extends z.ZodType, Id, T = z.output<S>> {
  readonly type: string;
  readonly schema: S;
  key(tenantId: string, ...id: IdArg<Id>): ItemKey;
  /** The item to store: keys, gsi1 entry, `type`, the record and its extra attributes. */
  item(tenantId: string, record: T, ...place: PlaceArg<T, Id>): Item;
  /** A write of the record, with its expectation of what is stored now. */
  put(tenantId: string, record: T, expect: Expect, ...place: PlaceArg<T, Id>): WriteOp;
  /** The record in a stored item; an item that does not match the schema is a StoredItemError naming the entity. */
  parse(item: Record<string, unknown>): T;
  /** One record by key (one GetItem), parsed. */
  get(table: TenantTable, ...args: [...IdArg<Id>, opts?: { consistent?: boolean }]): Promise<T | undefined>;
  /** One page of a partition or view, each item parsed (one Query). */
  page(table: TenantTable, q: Parameters<TenantTable["query"]>[0]): Promise<Page<T>>;
}

/** Attributes that place an item in the table rather than describe its record. */
const PLACEMENT_ATTRIBUTES = new Set(["pk", "sk", "gsi1pk", "gsi1sk", "type"]);

export function defineEntity<S extends z.ZodType, Id>(decl: EntityDeclaration<S, Id>): Entity<S, Id> {
  type T = z.output<S>;
  const item = (tenantId: string, record: T, place?: Placement<Id>): Item => {
    const index = place?.index !== undefined ? place.index : (decl.index?.(tenantId, record) ?? null);
    return {
      ...decl.key(tenantId, (place?.id ?? record) as Id),
      ...(index ?? {}),
      type: decl.type,
      ...(record as Record<string, unknown>),
      ...decl.extra?.(record),
    };
  };
  const parse = (stored: Record<string, unknown>): T => {
    const record = Object.fromEntries(Object.entries(stored).filter(([name]) => !PLACEMENT_ATTRIBUTES.has(name)));
    const parsed = decl.schema.safeParse(record);
    if (!parsed.success) throw new StoredItemError(decl.type, parsed.error.issues);
    return parsed.data;
  };
  return {
    type: decl.type,
    schema: decl.schema,
    key: (tenantId, ...id) => decl.key(tenantId, (id[0] ?? {}) as Id),
    item: (tenantId, record, ...place) => item(tenantId, record, place[0]),
    put: (tenantId, record, expect, ...place) => {
      const stored = item(tenantId, record, place[0]);
      if (expect === "absent" || expect === "any") return { kind: "put", item: stored, expect };
      if ("absent" in expect) return { kind: "put", item: stored, expect: "absent", message: expect.message };
      return { kind: "put", item: stored, expect: "version", version: expect.version, message: expect.message };
    },
    parse,
    async get(table, ...args) {
      const [id, opts] = args.length === 2 ? args : [args[0], undefined];
      const found = await table.get(decl.key(table.ctx.tenantId, (id ?? {}) as Id), opts ?? {});
      return found ? parse(found) : undefined;
    },
    async page(table, q) {
      const page = await table.query(q);
      return { items: page.items.map(parse), cursor: page.cursor };
    },
  };
}
