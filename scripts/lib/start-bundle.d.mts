/** Types for start-bundle.mjs (plain JavaScript: it runs before anything can compile TypeScript). */
export declare const PROJECT_ROOT: string;
export declare function currentBundle(name: string): string | null;
export declare function buildBundle(name: string, entry: string): Promise<string>;
export declare function ensureBundle(name: string, entry: string, log?: (message: string) => void): Promise<string>;
