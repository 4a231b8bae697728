import type { da } from '../../strings';

export type MessageKey = keyof typeof da;
/** Every language has exactly the Danish keys. */
export type Messages = { readonly [K in MessageKey]: string };
export type Locale = 'da' | 'en';

/** The names in a message's {placeholders}, read from the Danish text at compile time. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type ParamsOf<K extends MessageKey> = Placeholders<(typeof da)[K]>;
/** t(key) when the message has no placeholders, t(key, {name: ...}) when it has. */
export type TArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string | number>];
/** Keys whose message has no placeholders. */
export type PlainMessageKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
