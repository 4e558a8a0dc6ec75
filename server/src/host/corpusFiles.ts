// Finds the corpus articles for a workspace folder from the `corroborate.corpus` setting, keeping a workspace's
// setting from reading other folders: a relative spec stays inside the folder; in an untrusted workspace every spec
// does, symbolic links resolved.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandArticlePaths, isArticlePath } from './files';

/** A workspace folder and the `corroborate.corpus` specs that apply to it. */
export interface CorpusSource {
  root: string;
  specs: string[];
  /** False in an untrusted workspace: no spec may lead outside the folder. */
  trusted?: boolean;
}

/**
 * Absolute paths of the corpus articles under `root`; specs that match nothing or are refused are reported, not
 * fatal. `trusted` false confines every spec to the folder.
 */
export function corpusFiles(root: string, specs: string[], trusted = true): { files: string[]; problems: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const spec of specs) {
    const refused = corpusSpecRefusal(root, spec, trusted);
    if (refused) {
      problems.push(refused);
      continue;
    }
    try {
      for (const f of expandArticlePaths(spec, root, true)) files.add(f);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  return { files: [...files].sort(), problems };
}

/** Whether corpusFiles(root, specs, trusted) would list the file at absolute path `file`, found without listing. */
export function isCorpusFile(root: string, specs: string[], trusted: boolean, file: string): boolean {
  return specs.some((spec) => !corpusSpecRefusal(root, spec, trusted) && isArticlePath(spec, root, file));
}

/** Why a corpus spec of the workspace folder `root` is not followed, or undefined when it is. */
export function corpusSpecRefusal(root: string, spec: string, trusted: boolean): string | undefined {
  const base = path.resolve(root, globBase(spec));
  if (!path.isAbsolute(spec) && !inside(root, base)) {
    return `'${spec}' reaches outside the workspace folder; ignored (give an absolute path in your user settings to read another folder)`;
  }
  if (trusted) return undefined;
  if (!inside(root, base)) return `'${spec}' is outside the workspace folder; ignored in an untrusted workspace`;
  // Folders found under the base are walked without following links; the base itself (or a part of it) may be one.
  if (!inside(realpath(root), realpath(base))) return `'${spec}' leads outside the workspace folder through a symbolic link; ignored in an untrusted workspace`;
  return undefined;
}

/** The folder (or file) part of a spec before its first glob character. */
function globBase(spec: string): string {
  const norm = spec.replace(/\\/g, '/');
  const magic = norm.search(/[*?[]/);
  if (magic < 0) return norm;
  return norm.slice(0, norm.lastIndexOf('/', magic) + 1) || '.';
}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

// The real path of what exists of `p` (a spec may name a file not there yet): its longest existing ancestor resolved.
function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realpath(parent), path.basename(p));
  }
}
