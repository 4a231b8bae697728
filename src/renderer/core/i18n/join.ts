type Catalogue = Readonly<Record<string, string>>;
type Joined<T extends readonly Catalogue[]> = T extends readonly [infer H, ...infer R extends readonly Catalogue[]] ? H & Joined<R> : unknown;

/**
 * Join the string catalogues of core and every area into one. A key defined twice is an error
 * (a spread would silently keep the last one).
 */
export function joinCatalogues<T extends readonly Catalogue[]>(what: string, ...parts: T): Joined<T> {
  const joined: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, text] of Object.entries(part)) {
      if (Object.hasOwn(joined, key)) throw new Error(`${what}: string key defined twice: ${key}`);
      joined[key] = text;
    }
  }
  return joined as Joined<T>;
}
