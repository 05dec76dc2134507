/** Adds `value` to the list kept under `key`, starting the list when it is the key's first. */
export function pushTo<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/**
 * Items grouped under the key each gives, keys and items in the order they are met; an item whose
 * key is undefined is left out.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== undefined) pushTo(groups, key, item);
  }
  return groups;
}
