export declare const DOMAIN_DEPENDENCIES: Readonly<Record<string, readonly string[]>>;
export declare const LAYERS: readonly string[];
