// The file-system watchers the server asks the client for, one set per corpus spec of each workspace folder.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { corpusSpecRefusal } from '../host/corpusFiles';
import { hasGlob } from '../host/files';
import type { CorpusSource } from './corpusIndex';

/**
 * A folder spec is watched as itself (so deleting the folder is seen) and everything under it; a glob as is.
 * Clients without relative patterns match string globs against absolute paths, hence the leading `**`.
 */
export function corpusWatchers(sources: readonly CorpusSource[], relativePatterns: boolean): FileSystemWatcher[] {
  return sources.flatMap(({ root, specs, trusted }) =>
    specs.flatMap((spec) => {
      if (corpusSpecRefusal(root, spec, trusted !== false)) return []; // not read, so not watched
      const clean = spec.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '');
      const patterns = hasGlob(clean) ? [clean] : [clean, `${clean}/**`];
      return patterns.map((pattern) =>
        relativePatterns ? { globPattern: { baseUri: pathToFileURL(root).toString(), pattern } } : { globPattern: path.isAbsolute(pattern) ? pattern : `**/${pattern}` },
      );
    }),
  );
}
