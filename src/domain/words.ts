/**
 * A table of words people type, looked up by what they typed. A `Map`, not a plain object: typed
 * text such as `constructor` or `__proto__` must find nothing, not a built-in of every object.
 */
export function wordTable<V>(entries: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}
