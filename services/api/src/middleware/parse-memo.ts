/**
 * The access check parses the council's record and the caller's member record on every tenant request. The
 * council's is about 4 KB of policy and branding, and its zod parse was the largest piece of the app's own
 * work on a read (about a millisecond on the bench's busy machine; bench/README.md). This remembers the
 * parse of the exact stored values, never the item: every request still reads both items from DynamoDB, and
 * any change to a stored item (a council suspended, a role removed, a member deactivated) is a different
 * value, parsed afresh. So nothing is ever stale. Every answer, remembered or not, is frozen all the way
 * down, so no request can change what another is given (changing it throws).
 *
 * The comparison walks the item against the one remembered rather than writing both out as text, and the
 * answer is frozen once rather than copied per request: on the bench's read those two took about a fifth of
 * the app's own time (JSON.stringify with a replacer calls back for every value; a structuredClone of a
 * council's 4.4 KB record cost 0.1 to 0.17 ms at load 17). Anything the walk does not know counts as a change,
 * so an unknown value is parsed again.
 */
export function parseMemo<T>(parse: (item: Record<string, unknown>) => T, max = 500) {
  const seen = new Map<string, { item: Record<string, unknown>; value: T }>();
  return (item: Record<string, unknown>): T => {
    const key = `${String(item.pk)}|${String(item.sk)}`;
    const hit = seen.get(key);
    if (hit && sameStored(hit.item, item)) return hit.value;
    const value = deepFreeze(parse(item));
    if (sameStored(item, item)) {
      seen.delete(key);
      // The oldest first: a Map keeps insertion order.
      if (seen.size >= max) seen.delete(seen.keys().next().value as string);
      // A copy of the item, so that nothing the caller does to its item changes what is compared with.
      seen.set(key, { item: copyOf(item), value });
    }
    return value;
  };
}

const isPlain = (v: object) => {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * True when two values hold the same data as DynamoDB's unmarshalling gives it (strings, numbers, booleans,
 * null, lists, maps, sets of strings or numbers, binary). Anything else, such as a BigInt, a NaN or a set of
 * binary values, answers false: the cost of a false "changed" is one parse, a false "same" would be stale.
 */
export function sameStored(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || a === null) {
    return a === b && (a === null || typeof a === "string" || typeof a === "number" || typeof a === "boolean");
  }
  if (typeof b !== "object" || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameStored(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Set) {
    if (!(b instanceof Set) || a.size !== b.size) return false;
    for (const v of a) if (!(typeof v === "string" || typeof v === "number") || !b.has(v)) return false;
    return true;
  }
  if (a instanceof Uint8Array) {
    return b instanceof Uint8Array && Buffer.compare(a, b) === 0;
  }
  if (!isPlain(a) || Array.isArray(b) || !isPlain(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const k of aKeys) {
    if (!Object.hasOwn(b, k)) return false;
    if (!sameStored((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** A deep copy of plain data (what a zod parse or unmarshalling gives); anything else as structuredClone copies it. */
export function copyOf<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value instanceof Set) return new Set([...value].map(copyOf)) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [copyOf(k), copyOf(v)])) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isPlain(value)) return structuredClone(value);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = copyOf((value as Record<string, unknown>)[k]);
  return out as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
