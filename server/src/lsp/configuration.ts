// Settings per resource: asked of the client (workspace/configuration) when it can answer, cached until they change;
// otherwise what initializationOptions or didChangeConfiguration carried.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export class Configuration {
  private pushed: Settings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<Settings>>();

  private readonly reported = new Set<string>();

  /** `warn` hears each problem with the settings once (see readSettings), whichever scope it came from. */
  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    initial: unknown,
    private readonly warn: (problems: string[]) => void = () => {},
  ) {
    this.pushed = this.parse(initial);
  }

  private parse(raw: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
    const { settings, problems } = readSettings(raw, base);
    const fresh = problems.filter((p) => !this.reported.has(p));
    fresh.forEach((p) => this.reported.add(p));
    if (fresh.length > 0) this.warn(fresh);
    return settings;
  }

  /** The settings that apply to a document or folder URI; without one, the window's (user and workspace) settings. */
  for(uri: string | undefined): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let hit = this.cache.get(uri ?? '');
    if (!hit) {
      hit = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'corroborate' }).then(
        (raw) => this.parse(raw, this.pushed),
        () => this.pushed,
      );
      this.cache.set(uri ?? '', hit);
    }
    return hit;
  }

  /** Forgets cached settings; `section` is the `corroborate` section a didChangeConfiguration carried, if any. */
  changed(section: unknown): void {
    if (section !== undefined && section !== null) this.pushed = this.parse(section);
    this.cache.clear();
  }
}
