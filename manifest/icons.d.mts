// Types of icons.mjs for the TypeScript callers.
export declare const colorIcon: (size: number) => Buffer;
export declare const outlineIcon: (size: number) => Buffer;
export declare const ADDIN_ICON_SIZES: readonly number[];
