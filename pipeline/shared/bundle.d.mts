export declare const BUNDLE_DIR: string;
export declare function bundle(entry: string, options?: { path?: string; prefix?: string }): Promise<string>;
