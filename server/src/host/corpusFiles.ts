// Finds the corpus articles for a workspace folder from the `corroborate.corpus` setting.
import * as path from 'node:path';
import { expandArticlePaths } from './files';

/** Absolute paths of the corpus articles under `root`; specs that match nothing are reported, not fatal. */
export function corpusFiles(root: string, specs: string[]): { files: string[]; problems: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const spec of specs) {
    try {
      for (const f of expandArticlePaths(spec, root)) files.add(path.resolve(root, f));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { files: [...files].sort(), problems };
}
