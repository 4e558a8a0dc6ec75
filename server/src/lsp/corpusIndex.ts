// Which files form the corpus, and keeping the service's index of them in step with the disk.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken } from 'vscode-languageserver';
import type { CorroborateService } from '../core/service';
import { IndexCancelled, indexInBackground } from '../host/backgroundIndex';
import { corpusFiles, isCorpusFile, type CorpusSource } from '../host/corpusFiles';
import { analysedPart } from '../core/text/limit';
import { fileExists, folderExists, readArticle } from '../host/files';
import type { IndexOutcome, IndexRequest } from '../host/indexCorpus';

export type { CorpusSource };

/** What a sync will do: files to (re)read and documents to drop. */
export interface SyncPlan {
  read: string[];
  remove: string[];
  sample: boolean;
}

export class CorpusIndex {
  /** Corpus members by URI, as the settings define it right now. */
  private members = new Set<string>();
  /** Members whose disk text is in the service (open documents hold editor text instead). */
  private readonly fromDisk = new Set<string>();
  private sample = false;

  constructor(
    private readonly service: CorroborateService,
    private readonly isOpen: (uri: string) => boolean,
    private readonly warn: (message: string) => void,
    private readonly sampleCorpus: string | undefined,
    /** The analysis cap: a longer file is indexed only up to it. */
    private readonly maxChars: () => number,
  ) {}

  get usingSample(): boolean {
    return this.sample;
  }

  /** Whether the settings put this file in the corpus. */
  contains(uri: string): boolean {
    return this.members.has(uri);
  }

  /**
   * Works out the corpus from the settings and what must change in the index: new and `changed` files are read
   * (all of them when `changed` is 'all'), files no longer in the corpus dropped.
   */
  plan(sources: readonly CorpusSource[], changed: 'all' | ReadonlySet<string>): SyncPlan {
    const members = new Set<string>();
    for (const { root, specs, trusted } of sources) {
      const { files, problems } = corpusFiles(root, specs, trusted !== false);
      problems.forEach((p) => this.warn(`corpus: ${p}`));
      files.forEach((f) => members.add(pathToFileURL(f).toString()));
    }
    this.sample = members.size === 0 && this.sampleCorpus !== undefined;
    if (this.sample) corpusFiles(this.sampleCorpus!, ['.']).files.forEach((f) => members.add(pathToFileURL(f).toString()));
    const remove = [...this.fromDisk].filter((uri) => !members.has(uri));
    const read = [...members].filter((uri) => !this.isOpen(uri) && (changed === 'all' || changed.has(uri) || !this.fromDisk.has(uri)));
    this.members = members;
    return { read, remove, sample: this.sample };
  }

  /**
   * What must change in the index when files changed on disk, without listing the corpus again: members still there
   * are read, members gone are dropped, and a new file is read when the settings put it in the corpus. Undefined
   * when only a listing can tell: a folder appeared (its files may come without events of their own), or the corpus
   * is the bundled sample, which any member of the workspace's own would replace.
   */
  planMembers(sources: readonly CorpusSource[], changed: ReadonlySet<string>): SyncPlan | undefined {
    const read: string[] = [];
    const remove: string[] = [];
    for (const uri of changed) {
      if (!uri.startsWith('file:')) continue;
      const file = fileURLToPath(uri);
      if (!this.members.has(uri)) {
        if (folderExists(file) || (this.sample && fileExists(file))) return undefined;
        if (!sources.some(({ root, specs, trusted }) => isCorpusFile(root, specs, trusted !== false, file))) continue;
        this.members.add(uri);
        if (!this.isOpen(uri)) read.push(uri);
      } else if (fileExists(file)) {
        if (!this.isOpen(uri)) read.push(uri);
      } else {
        this.members.delete(uri);
        if (this.fromDisk.has(uri)) remove.push(uri);
      }
    }
    return { read, remove, sample: this.sample };
  }

  /** Carries out a plan, yielding between files so requests are answered meanwhile; stops early when cancelled. */
  async apply(plan: SyncPlan, token: CancellationToken, progress: (done: number, total: number) => void): Promise<void> {
    for (const uri of plan.remove) {
      this.fromDisk.delete(uri);
      if (!this.isOpen(uri)) this.service.deleteDocument(uri);
    }
    for (let i = 0; i < plan.read.length; i++) {
      if (token.isCancellationRequested) return;
      this.reread(plan.read[i]);
      progress(i + 1, plan.read.length);
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Lists the corpus of `sources` and indexes every member, both off the request path (a worker thread, starting
   * from the workspace's on-disk cache at `cacheFile`), and swaps the result in; until then the service answers from
   * what it had. Open documents keep their editor text. Returns undefined when cancelled.
   */
  async loadAll(sources: readonly CorpusSource[], cacheFile: string | undefined, token: CancellationToken, progress: (done: number, total: number) => void): Promise<IndexOutcome | undefined> {
    return this.index({ corpus: [...sources], sample: this.sampleCorpus }, cacheFile, token, progress);
  }

  /** As loadAll, for the members the last plan listed. */
  async load(cacheFile: string | undefined, token: CancellationToken, progress: (done: number, total: number) => void): Promise<IndexOutcome | undefined> {
    const files = [...this.members].filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    return this.index({ files }, cacheFile, token, progress);
  }

  private async index(
    what: Pick<IndexRequest, 'files' | 'corpus' | 'sample'>,
    cacheFile: string | undefined,
    token: CancellationToken,
    progress: (done: number, total: number) => void,
  ): Promise<IndexOutcome | undefined> {
    const maxChars = this.maxChars();
    const job = indexInBackground({ ...what, cacheFile, maxChars, settings: `maxAnalysisChars=${maxChars}` }, (p) => progress(p.done, p.total));
    // Polled: the server's token is a composite that only answers isCancellationRequested.
    const cancel = setInterval(() => token.isCancellationRequested && job.cancel(), 50);
    let outcome: IndexOutcome;
    try {
      outcome = await job.done;
    } catch (e) {
      if (e instanceof IndexCancelled) return undefined;
      throw e;
    } finally {
      clearInterval(cancel);
    }
    if (token.isCancellationRequested) return undefined;
    if (what.corpus) {
      // The worker listed the corpus: its list is who the members are now.
      this.members = new Set(outcome.listed.map((f) => pathToFileURL(f).toString()));
      this.sample = outcome.sample;
    }
    // What the editor holds (open articles, members or not) goes back on top of what was read from disk.
    const carried = this.service.corpus.documentIds
      .filter((uri) => this.isOpen(uri) || !this.fromDisk.has(uri))
      .map((uri) => [uri, this.service.text(uri)] as const);
    this.service.replaceCorpus(outcome.corpus);
    for (const [uri, text] of carried) if (text !== undefined && (this.isOpen(uri) || !this.members.has(uri))) this.service.setDocument(uri, text);
    this.fromDisk.clear();
    for (const uri of outcome.files.keys()) if (!this.isOpen(uri)) this.fromDisk.add(uri);
    outcome.warnings.forEach((w) => this.warn(`corpus: ${w}`));
    return outcome;
  }

  /** Puts a member's disk text back in the index (after its editor closed), or drops a non-member. */
  restore(uri: string): void {
    if (this.members.has(uri)) this.reread(uri);
    else this.service.deleteDocument(uri);
  }

  private reread(uri: string): void {
    const file = fileURLToPath(uri);
    const read = readArticle(file);
    if (read.ok) {
      if (read.warning) this.warn(`corpus: ${file}: ${read.warning}`);
      const part = analysedPart(read.text, this.maxChars());
      if (part.length < read.text.length) {
        const n = (x: number) => x.toLocaleString('en-US');
        this.warn(`corpus: ${file}: ${n(read.text.length)} characters; only the first ${n(part.length)} indexed (corroborate.maxAnalysisChars)`);
      }
      this.service.setDocument(uri, part);
      this.fromDisk.add(uri);
    } else {
      this.warn(`corpus: ${fileURLToPath(uri)}: ${read.error}`);
      this.fromDisk.delete(uri);
      this.service.deleteDocument(uri);
    }
  }
}
