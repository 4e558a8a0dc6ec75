// What the Corroborate server and its VS Code client say to each other beyond standard LSP.

/** Server → client notification: how far indexing of the corpus has got. */
export const STATUS_NOTIFICATION = 'corroborate/status';

export interface StatusParams {
  state: 'indexing' | 'ready';
  /** Corpus documents indexed (articles on disk and open ones). */
  documents: number;
  /** While indexing: files read so far, of `total`. */
  done?: number;
  total?: number;
  /** True when the workspace has no corpus and the sample articles bundled with the extension stand in. */
  sample?: boolean;
}

/** Server command: read the corpus again from disk. */
export const REINDEX_COMMAND = 'corroborate.reindex';

/** Server command: record a researcher's annotation, arguments [{uri, range, status, note}]. */
export const ANNOTATE_COMMAND = 'corroborate.annotate';

/** Client command a code lens runs: (uri, position, locations) → peek view on the evidence passages. */
export const SHOW_SOURCES_COMMAND = 'corroborate.showSources';

/** `initializationOptions` the server understands; every field optional. */
export interface InitializationOptions {
  /** The `corroborate` settings section, for clients that cannot answer `workspace/configuration`. */
  settings?: unknown;
  /** False in an untrusted workspace: nothing is written (no annotations). */
  trusted?: boolean;
  /** A folder of sample articles used as the corpus when the workspace has none. */
  sampleCorpus?: string;
  /** Where the corpus index cache is kept (VS Code: the workspace's storage folder); the user's cache folder by default. */
  cacheFolder?: string;
}
