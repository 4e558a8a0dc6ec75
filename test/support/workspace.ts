// Throwaway workspace folders for tests that need their own corpus on disk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TempWorkspace {
  root: string;
  file(relative: string): string;
  write(relative: string, text: string): string;
  remove(relative: string): void;
  dispose(): void;
}

/** A fresh folder holding `files` (relative path → text). */
export function tempWorkspace(files: Record<string, string> = {}): TempWorkspace {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-')));
  const ws: TempWorkspace = {
    root,
    file: (relative) => path.join(root, relative),
    write(relative, text) {
      const full = path.join(root, relative);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
      return full;
    },
    remove: (relative) => fs.rmSync(path.join(root, relative), { recursive: true, force: true }),
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
  for (const [relative, text] of Object.entries(files)) ws.write(relative, text);
  return ws;
}
