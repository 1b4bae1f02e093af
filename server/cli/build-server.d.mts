// Types of build-server.mjs (plain JavaScript so `npm start` needs no TypeScript loader).
export declare const root: string;
export declare const serverOut: string;
/** Missing, or older than any source of the server or the database layer. */
export declare function serverStale(): boolean;
export declare function buildServer(): Promise<void>;
