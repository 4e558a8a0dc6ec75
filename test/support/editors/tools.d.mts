export declare const CODE_SERVER_VERSION: string;
export declare function toolsDir(): string;
export declare function codeServerDir(): string;
export declare function codeServerBin(dir?: string): string;
export declare function codeServerEnv(home: string): NodeJS.ProcessEnv;
