// Injected by esbuild from package.json; falls back for tests run from source.
declare const __CORROBORATE_VERSION__: string | undefined;
export const VERSION: string = typeof __CORROBORATE_VERSION__ === 'string' ? __CORROBORATE_VERSION__ : '0.0.0-dev';
