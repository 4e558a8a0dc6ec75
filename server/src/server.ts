// LSP glue: capabilities, documents, settings, corpus indexing and watching, and one-line handlers into features/.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeLensRefreshRequest,
  DiagnosticRefreshRequest,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CodeActionParams,
  type CodeLens,
  type CodeLensParams,
  type Connection,
  type DefinitionParams,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type DocumentDiagnosticParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbolParams,
  type ExecuteCommandParams,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type ReferenceParams,
  type SemanticTokensParams,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { changedCueLexicon } from './core/attribution/cues';
import { CancelledError } from './core/cancellation';
import { CorroborateService } from './core/service';
import type { ArticleReport } from './core/types';
import { analysedPart, DEFAULT_MAX_ANALYSIS_CHARS } from './core/text/limit';
import { LineIndex, stripBom } from './core/text/lines';
import { codeActions } from './features/codeActions';
import { codeLenses, resolveCodeLens, type LensData } from './features/codeLens';
import type { FeatureContext } from './features/context';
import { definition } from './features/definition';
import { diagnostics } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hover } from './features/hover';
import { references } from './features/references';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { workspaceSymbols } from './features/workspaceSymbols';
import { ANNOTATE_COMMAND, EXPORT_ANNOTATIONS_COMMAND, FileAnnotations, IMPORT_ANNOTATIONS_COMMAND, parseAnnotationRequest } from './host/fileAnnotations';
import { defaultCacheFolder, indexCacheFile } from './host/indexCache';
import { CorpusIndex, type CorpusSource } from './lsp/corpusIndex';
import { Debouncer } from './lsp/debounce';
import { Outbox } from './lsp/outbox';
import { REINDEX_COMMAND, STATUS_NOTIFICATION, type InitializationOptions, type StatusParams } from './lsp/protocol';
import { Configuration } from './lsp/configuration';
import type { Settings } from './lsp/settings';
import { corpusWatchers } from './lsp/watchers';
import { VERSION } from './version';

export function startServer(connection: Connection): void {
  const server = new CorroborateServer(connection);
  connection.onInitialize((p) => server.initialize(p));
  connection.onInitialized(() => server.initialized());
  connection.onDidChangeConfiguration((p) => server.configurationChanged(p));
  connection.onDidChangeWatchedFiles((p) => server.watchedFilesChanged(p));
  connection.onHover((p, token) => server.hover(p, token));
  connection.onCodeLens((p, token) => server.codeLens(p, token));
  connection.onCodeLensResolve((lens, token) => server.resolveCodeLens(lens, token));
  connection.onDefinition((p, token) => server.definition(p, token));
  connection.onReferences((p, token) => server.references(p, token));
  connection.onDocumentSymbol((p, token) => server.documentSymbol(p, token));
  connection.onWorkspaceSymbol((p, token) => server.workspaceSymbol(p, token));
  connection.onCodeAction((p, token) => server.codeAction(p, token));
  connection.onExecuteCommand((p, token) => server.executeCommand(p, token));
  connection.languages.semanticTokens.on((p, token) => server.semanticTokens(p, token));
  connection.languages.diagnostics.on((p, token) => server.diagnostic(p, token));
  server.documents.listen(connection);
  connection.listen();
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/** Files a change of the corpus has read on the server's own thread (in steps); more go to the index worker. */
const READ_HERE_AT_MOST = 256;

/** How long typing in one article must pause before the other open articles' evidence is brought up to date. */
const OTHERS_AFTER_EDIT_MS = 1000;

class CorroborateServer {
  // A didOpen without text (which no client should send) opens an empty document rather than one that breaks every request.
  readonly documents = new TextDocuments({ create: (uri, languageId, version, text) => TextDocument.create(uri, languageId, version, typeof text === 'string' ? text : ''), update: TextDocument.update });
  private readonly service = new CorroborateService();
  private readonly debouncer = new Debouncer();
  /** The other open articles' refresh after an edit went into the corpus (see changed). */
  private readonly othersAfterEdit = new Debouncer();
  /**
   * While that refresh waits: the corpus generation before the first of the edits went in and after the last, and
   * the articles edited. Meanwhile lenses and hovers of the others come from their last report (see lastReport).
   */
  private othersWaiting: { since: number; last: number; edited: Set<string> } | undefined;
  private readonly outbox = new Outbox();
  // A broken store is named (file:line) once per change of the file, and never rewritten.
  private readonly annotations: FileAnnotations;
  private index!: CorpusIndex;
  private capabilities: ClientCapabilities = {};
  private roots: string[] = [];
  private trusted = true;
  private configuration!: Configuration;
  private readonly lineCache = new Map<string, { text: string; lines: LineIndex }>();
  /** Bumped whenever anything a diagnostic depends on changes; part of every pull result id. */
  private epoch = 0;
  private indexing: Promise<void> = Promise.resolve();
  /** Full loads (worker + on-disk cache) under way; while there are any, requests answer from the index as it is. */
  private fullLoads = 0;
  private cacheFolder = defaultCacheFolder();
  private fullIndex: CancellationTokenSource | undefined;
  private watcher: Promise<Disposable> | undefined;
  private watchedSources = '';
  /** corroborate.maxAnalysisChars (a window setting): documents are analysed and indexed up to it. */
  private maxChars = DEFAULT_MAX_ANALYSIS_CHARS;
  /** Documents whose open has not yet been followed by the content-change event TextDocuments fires for it. */
  private readonly justOpened = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.annotations = new FileAnnotations((problem) => this.warnUser(`Corroborate annotations: ${problem}`));
    this.documents.onDidOpen(({ document }) => this.opened(document));
    this.documents.onDidChangeContent(({ document }) => this.changed(document));
    this.documents.onDidClose(({ document }) => this.closed(document));
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  initialize(params: InitializeParams): InitializeResult {
    this.capabilities = params.capabilities;
    this.roots = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (this.roots.length === 0 && params.rootUri) this.roots = [fileURLToPath(params.rootUri)];
    const init = (params.initializationOptions ?? {}) as InitializationOptions & Record<string, unknown>;
    this.configuration = new Configuration(this.connection, this.capabilities.workspace?.configuration === true, init.settings ?? init, (problems) => {
      for (const p of problems) this.connection.console.warn(`settings: ${p}`);
      this.warnUser(`Corroborate settings: ${problems.join('; ')}.`);
    });
    this.trusted = init.trusted !== false;
    if (typeof init.cacheFolder === 'string' && init.cacheFolder) this.cacheFolder = init.cacheFolder;
    const sample = typeof init.sampleCorpus === 'string' ? init.sampleCorpus : undefined;
    this.index = new CorpusIndex(this.service, (uri) => this.documents.get(uri) !== undefined, (m) => this.connection.console.warn(m), sample, () => this.maxChars);
    const pull = this.capabilities.textDocument?.diagnostic !== undefined;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: true },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Quotes by speaker' },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [ANNOTATE_COMMAND, EXPORT_ANNOTATIONS_COMMAND, IMPORT_ANNOTATIONS_COMMAND, REINDEX_COMMAND] },
        semanticTokensProvider: { legend: LEGEND, full: true },
        diagnosticProvider: pull ? { identifier: 'corroborate', interFileDependencies: true, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'corroborate', version: VERSION },
    };
  }

  initialized(): void {
    if (this.capabilities.workspace?.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => fileURLToPath(f.uri)));
        this.roots = [...this.roots.filter((r) => !gone.has(r)), ...added.map((f) => fileURLToPath(f.uri))];
        this.reindex(new Set());
      });
    }
    this.reindex('all');
  }

  configurationChanged(params: DidChangeConfigurationParams): void {
    this.configuration.changed((params.settings as { corroborate?: unknown } | null)?.corroborate);
    this.epoch++;
    this.reindex(new Set()); // the corpus setting may have changed: index new members, drop old ones
    void this.indexing.then(() => this.refresh());
  }

  watchedFilesChanged(params: DidChangeWatchedFilesParams): void {
    // Files saved, deleted or created need no new listing of the corpus (at 50,000 files a listing holds this thread
    // for a fraction of a second): each is checked against the settings alone (see CorpusIndex.planMembers).
    this.reindex(new Set(params.changes.map((c) => c.uri)), false);
  }

  // ── requests: each one line into features/ ────────────────────────────────

  hover = (p: HoverParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, null, (ctx) => hover(ctx, this.offset(ctx, p.position)), 'last');
  codeLens = (p: CodeLensParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, [], (ctx) => codeLenses(ctx), 'last');
  resolveCodeLens = (lens: CodeLens, token: CancellationToken) => this.withContext(lensUri(lens), token, lens, (ctx) => resolveCodeLens(ctx, lens), 'last');
  definition = (p: DefinitionParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, null, (ctx) => definition(ctx, this.offset(ctx, p.position)));
  references = (p: ReferenceParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, [], (ctx) => references(ctx, this.offset(ctx, p.position), p.context.includeDeclaration));
  documentSymbol = (p: DocumentSymbolParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, [], (ctx) => documentSymbols(ctx, this.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true));
  semanticTokens = (p: SemanticTokensParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, { data: [] }, (ctx) => semanticTokens(ctx));
  codeAction = (p: CodeActionParams, token: CancellationToken) => this.withContext(p.textDocument.uri, token, [], (ctx) => codeActions(ctx, p.range, p.context.diagnostics, this.trusted));

  workspaceSymbol = async (p: WorkspaceSymbolParams, token: CancellationToken) => {
    await this.ready(token);
    // The first search reads every corpus article: in steps, so other requests (and the cancel) get through.
    const speakers = await this.service.speakersInSteps(token, () => new Promise((resolve) => setImmediate(resolve))).catch((e) => {
      throw e instanceof CancelledError ? cancelled() : e;
    });
    if (token.isCancellationRequested) throw cancelled();
    return this.guard(() => workspaceSymbols(speakers, p.query, (id) => this.service.text(id)));
  };

  diagnostic = async (p: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    if (!(await this.debouncer.settled(p.textDocument.uri, token))) throw cancelled();
    await this.ready(token);
    const uri = p.textDocument.uri;
    const doc = this.documents.get(uri);
    const resultId = `${doc?.version}:${this.epoch}`;
    if (p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const full = (items: Diagnostic[]): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, resultId, items });
    // After an edit, a client that can be asked to pull again gets the quick diagnostics now and the full ones next.
    if (doc && this.capabilities.workspace?.diagnostics?.refreshSupport) {
      const quick = await this.withContext(uri, token, undefined, (ctx) => provisional(diagnostics(ctx)), 'provisional');
      if (quick) {
        this.completeLater(uri, doc.version);
        return { kind: DocumentDiagnosticReportKind.Full, resultId: `${resultId}:provisional`, items: quick };
      }
    }
    return this.withContext(uri, token, full([]), (ctx) => full(diagnostics(ctx)));
  };

  executeCommand = async (p: ExecuteCommandParams, token: CancellationToken): Promise<unknown> => {
    const arg = (p.arguments?.[0] ?? {}) as { format?: unknown; content?: unknown };
    const format = arg.format === 'csv' ? 'csv' : 'jsonld';
    const writes = p.command === ANNOTATE_COMMAND || p.command === IMPORT_ANNOTATIONS_COMMAND;
    if (writes && !this.trusted) throw new ResponseError(LSPErrorCodes.RequestFailed, `${p.command}: annotations are not written in an untrusted workspace`);
    try {
      switch (p.command) {
        case REINDEX_COMMAND:
          this.reindex('all');
          await this.ready(token, true);
          return { documents: this.service.corpus.documentIds.length };
        case ANNOTATE_COMMAND: {
          const request = parseAnnotationRequest(p.arguments?.[0]);
          if (typeof request === 'string') throw new ResponseError(-32602, `${ANNOTATE_COMMAND}: ${request}`);
          const doc = this.documents.get(request.uri);
          if (!doc) throw new ResponseError(LSPErrorCodes.RequestFailed, `${ANNOTATE_COMMAND}: ${request.uri} is not open`);
          const id = await this.annotations.annotate(request, stripBom(doc.getText()));
          this.annotated();
          return { id };
        }
        case EXPORT_ANNOTATIONS_COMMAND:
          return this.annotations.export(this.roots, format);
        case IMPORT_ANNOTATIONS_COMMAND: {
          if (typeof arg.content !== 'string') throw new ResponseError(-32602, `${IMPORT_ANNOTATIONS_COMMAND}: content must be a string`);
          const result = await this.annotations.import(this.roots, arg.content, format);
          this.annotated();
          return result;
        }
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      throw new ResponseError(LSPErrorCodes.RequestFailed, (e as Error).message);
    }
    throw new ResponseError(-32601, `unknown command ${p.command}`);
  };

  // ── documents ──────────────────────────────────────────────────────────────

  private opened(document: TextDocument): void {
    this.justOpened.add(document.uri);
    this.service.setDocument(document.uri, this.analysed(document));
    this.epoch++;
    void this.indexing.then(() => this.refresh());
  }

  private changed(document: TextDocument): void {
    if (this.justOpened.delete(document.uri)) return; // the open itself: analysed already
    void this.settingsFor(document.uri).then((s) =>
      this.debouncer.schedule(document.uri, s.debounceMs, () => {
        const current = this.documents.get(document.uri);
        if (!current) return;
        const text = this.analysed(current);
        if (this.service.text(current.uri) !== text) {
          const before = this.service.corpusGeneration;
          this.service.setDocument(current.uri, text);
          // The edited article's findings now: pushed, or pulled (its version moved on, so its pull is answered
          // anew). The other open articles may cite it, but each is a full report (~60 ms against 10,000 articles):
          // re-reporting all of them at every pause in typing held up the edited one's. They follow once typing
          // pauses for longer, in one refresh.
          if (!this.pull) this.publish(current.uri);
          if (this.documents.all().length > 1) {
            this.othersWait(current.uri, before);
            this.othersAfterEdit.schedule('others', OTHERS_AFTER_EDIT_MS, () => this.refreshOthers(current.uri));
          }
        } else if (!this.pull) {
          // The analysed text stands (an edit undone, or past the cut), but the version and the length moved on.
          this.publish(current.uri);
        }
      }),
    );
  }

  private closed(document: TextDocument): void {
    this.debouncer.drop(document.uri);
    this.service.forget(document.uri);
    this.lineCache.delete(document.uri);
    this.annotations.forget(document.uri);
    if (document.uri.startsWith('file:')) this.index.restore(document.uri);
    else this.service.deleteDocument(document.uri);
    this.epoch++;
    if (!this.pull) this.outbox.send(`diagnostics:${document.uri}`, () => this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }));
    this.refresh();
  }

  /** Annotations changed: findings, hovers and lenses of the open articles with them. */
  private annotated(): void {
    this.epoch++;
    this.refresh();
  }

  // ── corpus ─────────────────────────────────────────────────────────────────

  /**
   * Brings the index in step with the settings and the disk: reads new corpus members and the `changed` files
   * (every file for 'all'), drops former members; with progress and a status for the client.
   */
  private reindex(changed: 'all' | ReadonlySet<string>, relist = true): void {
    if (changed === 'all') this.fullIndex?.cancel();
    const run = changed === 'all' ? (this.fullIndex = new CancellationTokenSource()) : undefined;
    // A full load runs in a worker: requests stop waiting for indexing (see settled) until it is done.
    if (changed === 'all') this.fullLoads++;
    this.indexing = this.indexing.then(async () => {
      const sources = await this.corpusSources();
      await this.cuesChanged();
      // Everything is read again: the worker lists the corpus too, which at 50,000 files took this thread a second
      // during which the open articles waited.
      const everything = changed === 'all' || (await this.limitChanged());
      const plan = everything ? undefined : ((relist ? undefined : this.index.planMembers(sources, changed)) ?? this.index.plan(sources, changed));
      this.watch(sources);
      if (plan && plan.read.length + plan.remove.length === 0) return this.status('ready');
      const progress = !plan || plan.read.length > 0 ? await this.connection.window.createWorkDoneProgress() : undefined;
      progress?.begin('Corroborate: indexing corpus', 0, plan ? `0/${plan.read.length} articles` : 'listing articles', true);
      this.status('indexing', 0, plan?.read.length);
      const tokens = [run?.token, progress?.token].filter((t): t is CancellationToken => t !== undefined);
      const token = { get isCancellationRequested() { return tokens.some((t) => t.isCancellationRequested); } } as CancellationToken;
      const report = (done: number, total: number) => {
        // One report per percent: a 10,000-article corpus needs no 10,000 messages.
        const percent = Math.floor((100 * done) / total);
        if (percent !== Math.floor((100 * (done - 1)) / total) || done === total) progress?.report(percent, `${done}/${total} articles`);
        if (done === total || done % 16 === 0) this.status('indexing', done, total);
      };
      let cached = '';
      // Many files to read (the corpus setting now names another folder): the worker reads them, starting from the
      // on-disk cache, while requests are answered from the index as it was; a few are read here between requests.
      // (Without a cache, an untrusted workspace, the worker would re-read every member: then they are read here.)
      const inWorker = !plan || (this.trusted && plan.read.length > READ_HERE_AT_MOST);
      if (inWorker) {
        if (changed !== 'all') this.fullLoads++;
        try {
          // An untrusted workspace writes nothing, the index cache included.
          const cacheFile = this.trusted ? indexCacheFile(this.cacheFolder, this.roots) : undefined;
          const loaded = plan ? await this.index.load(cacheFile, token, report) : await this.index.loadAll(sources, cacheFile, token, report);
          // How the files were read, for the output channel: from the cache, ahead on a second thread, over several.
          const how = loaded?.readAhead ? '; files read ahead on a second thread' : loaded?.shards ? `; indexed on ${loaded.shards.threads} threads` : '';
          if (loaded) cached = ` (${loaded.fromCache} from the index cache${how})`;
        } finally {
          if (changed !== 'all') this.fullLoads--;
        }
      } else await this.index.apply(plan, token, report);
      progress?.done();
      this.epoch++;
      this.status('ready');
      this.connection.console.info(`Corroborate ${VERSION}: ${this.service.corpus.documentIds.length} corpus documents indexed${cached}${this.index.usingSample ? ' (the bundled sample articles: the workspace has no corpus)' : ''}`);
      this.refresh();
    })
      .catch((e) => this.connection.console.error(`indexing failed: ${(e as Error).stack ?? e}`))
      .finally(() => changed === 'all' && this.fullLoads--);
  }

  /**
   * Resolves when requests may read the index: at once while a full load runs in the worker (they answer from the
   * open articles, and refresh follows the load), else once pending changes are indexed. Pushed diagnostics still
   * wait for the load, so a client that cannot be told to refresh never shows findings without the corpus.
   */
  private settled(): Promise<void> {
    return this.fullLoads > 0 ? Promise.resolve() : this.indexing;
  }

  /** Reads corroborate.cues (a window setting) and hands the changed lexicon to the service, which then reads every article anew. */
  private async cuesChanged(): Promise<void> {
    const changes = (await this.configuration.for(undefined)).cues;
    const options = Object.values(changes).some((words) => words?.length) ? { cues: changedCueLexicon(changes) } : {};
    if (this.service.setAnalysisOptions(options)) this.epoch++;
  }

  /** Reads corroborate.maxAnalysisChars; when it changed, re-analyses the open documents (the corpus is then read again). */
  private async limitChanged(): Promise<boolean> {
    const max = (await this.configuration.for(undefined)).maxAnalysisChars;
    if (max === this.maxChars) return false;
    this.maxChars = max;
    for (const doc of this.documents.all()) this.service.setDocument(doc.uri, this.analysed(doc));
    return true;
  }

  /** The part of an open document that is analysed (a leading BOM dropped; at most corroborate.maxAnalysisChars). */
  private analysed(doc: TextDocument): string {
    return analysedPart(stripBom(doc.getText()), this.maxChars);
  }

  private async corpusSources(): Promise<CorpusSource[]> {
    return Promise.all(this.roots.map(async (root) => ({ root, specs: (await this.settingsFor(pathToFileURL(root).toString())).corpus, trusted: this.trusted })));
  }

  /** Watches the corpus folders through the client (dynamic registration), replacing an earlier watch of other folders. */
  private watch(sources: CorpusSource[]): void {
    const caps = this.capabilities.workspace?.didChangeWatchedFiles;
    const key = JSON.stringify(sources);
    if (!caps?.dynamicRegistration || key === this.watchedSources) return;
    this.watchedSources = key;
    const watchers = corpusWatchers(sources, caps.relativePatternSupport === true);
    const previous = this.watcher;
    this.watcher = (async () => {
      await previous?.then((d) => d.dispose());
      return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    })();
  }

  private status(state: StatusParams['state'], done?: number, total?: number): void {
    const params: StatusParams = { state, documents: this.service.corpus.documentIds.length, done, total, sample: this.index.usingSample };
    this.outbox.send('status', () => this.connection.sendNotification(STATUS_NOTIFICATION, params));
  }

  // ── plumbing ───────────────────────────────────────────────────────────────

  private get pull(): boolean {
    return this.capabilities.textDocument?.diagnostic !== undefined;
  }

  /** Findings may have changed for every open article: refresh lens counts, and ask a pulling client to pull or push diagnostics. */
  private refresh(): void {
    if (this.capabilities.workspace?.codeLens?.refreshSupport) this.outbox.send('codeLens/refresh', () => this.connection.sendRequest(CodeLensRefreshRequest.type));
    if (this.pull) {
      if (this.capabilities.workspace?.diagnostics?.refreshSupport) this.outbox.send('diagnostic/refresh', () => this.connection.sendRequest(DiagnosticRefreshRequest.type));
      return;
    }
    for (const doc of this.documents.all()) this.publish(doc.uri);
  }

  /** The open articles other than `edited` may have new evidence in it: refresh them (a pulling client pulls every article again; the edited one's answer is cached). */
  private refreshOthers(edited: string): void {
    this.othersWaiting = undefined;
    if (this.pull) {
      this.epoch++;
      this.refresh();
      return;
    }
    if (this.capabilities.workspace?.codeLens?.refreshSupport) this.outbox.send('codeLens/refresh', () => this.connection.sendRequest(CodeLensRefreshRequest.type));
    for (const doc of this.documents.all()) if (doc.uri !== edited) this.publish(doc.uri);
  }

  /**
   * Pushes a document's diagnostics, computed when the client has taken the previous ones (see Outbox). After an
   * edit, in two steps: first the new analysis with the evidence it had before (quick), then the full report.
   */
  private publish(uri: string): void {
    this.outbox.send(`diagnostics:${uri}`, async () => {
      const token = new CancellationTokenSource().token;
      await this.indexing;
      const version = this.documents.get(uri)?.version;
      const quick = await this.withContext(uri, token, undefined, (ctx) => provisional(diagnostics(ctx)), 'provisional').catch(() => undefined);
      // (Nothing to show yet is not shown: an empty list would hide the findings until the full report is in.)
      if (quick && quick.length > 0) {
        await this.connection.sendDiagnostics({ uri, version, diagnostics: quick });
        // Let a newer edit in first: when there is one, this version's evidence is not worth computing.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.documents.get(uri)?.version !== version) return;
      }
      // While an edit waits to go into the corpus, the corpus holds the article's previous text, whose words count in
      // the statistics every score is made from: the full report would differ a little from the one the update,
      // about to run, publishes for the same version.
      const doc = this.documents.get(uri);
      if (doc && this.debouncer.isPending(uri) && this.service.text(uri) !== this.analysed(doc)) return;
      const items = await this.withContext(uri, token, undefined, (ctx) => diagnostics(ctx)).catch(() => undefined);
      const now = this.documents.get(uri);
      if (items && now) await this.connection.sendDiagnostics({ uri, version: now.version, diagnostics: items });
    });
  }

  /** An edit of `edited` went into the corpus (at generation `before`): the other open articles' refresh waits (see othersWaiting). */
  private othersWait(edited: string, before: number): void {
    const waiting = this.othersWaiting;
    const last = this.service.corpusGeneration;
    if (waiting?.last === before) {
      waiting.edited.add(edited);
      waiting.last = last;
    } else this.othersWaiting = { since: before, last, edited: new Set([edited]) };
  }

  /**
   * While the other open articles' refresh waits after an edit, the last report of an article not edited meanwhile,
   * if there is one for its version, made against the corpus as it was before those edits: when the edited article's
   * full report asks the editor to refresh every lens, recomputing every other visible article's report (~50 ms each
   * at 10,000 articles) at each pause in typing would contend with the edited one's. Its diagnostics lag as long (see
   * refreshOthers), so its lenses and hovers agree with them. Undefined otherwise: computed against the corpus as it is.
   */
  private lastReport(uri: string, text: string, version: number): ArticleReport | undefined {
    const waiting = this.othersWaiting;
    if (!waiting || waiting.edited.has(uri)) return undefined;
    // Something besides those edits changed the corpus (a file on disk, an article opened or closed, the cues, a
    // reload): its own refresh asks for everything anew.
    if (this.service.corpusGeneration !== waiting.last) {
      this.othersWaiting = undefined;
      return undefined;
    }
    return this.service.lastReportSince(uri, text, version, waiting.since);
  }

  /** Computes the full report of a version a client was given provisional diagnostics for, then asks it to pull again. */
  private completeLater(uri: string, version: number): void {
    setImmediate(() => {
      const doc = this.documents.get(uri);
      if (doc?.version !== version) return; // a newer edit: its own pull follows
      const token = new CancellationTokenSource().token;
      void this.withContext(uri, token, undefined, () => undefined)
        .then(() => this.refresh())
        .catch(() => undefined);
    });
  }

  private settingsFor(uri: string): Promise<Settings> {
    return this.configuration.for(uri);
  }

  /** Waits for indexing to finish (a full load too, when asked), or throws RequestCancelled when the client gives up first. */
  private async ready(token: CancellationToken, evenWhileLoading = false): Promise<void> {
    if (token.isCancellationRequested) throw cancelled();
    let sub: Disposable | undefined;
    const gaveUp = new Promise<'cancelled'>((resolve) => (sub = token.onCancellationRequested(() => resolve('cancelled'))));
    const outcome = await Promise.race([evenWhileLoading ? this.indexing : this.settled(), gaveUp]);
    sub?.dispose();
    if (outcome === 'cancelled') throw cancelled();
  }

  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (e) {
      if (e instanceof CancelledError) throw cancelled();
      throw e;
    }
  }

  /**
   * Runs a feature on the cached report of an open document; `fallback` when the document is not open. With
   * 'provisional', on a provisional report when one applies (see CorroborateService.provisionalReport), else `fallback`;
   * with 'last', on the article's last report while the other articles' refresh waits after an edit (see lastReport).
   */
  private async withContext<T, F>(uri: string, token: CancellationToken, fallback: F, run: (ctx: FeatureContext) => T, stage: 'full' | 'provisional' | 'last' = 'full'): Promise<T | F> {
    await this.ready(token);
    const doc = this.documents.get(uri);
    if (!doc) return fallback;
    const settings = await this.settingsFor(uri);
    if (token.isCancellationRequested) throw cancelled();
    return this.guard(() => {
      // Positions and annotations refer to the whole text; the analysis to its first maxChars (offsets agree).
      const text = stripBom(doc.getText());
      const analysed = analysedPart(text, this.maxChars);
      const report =
        stage === 'provisional'
          ? this.service.provisionalReport(uri, analysed, doc.version, token)
          : ((stage === 'last' ? this.lastReport(uri, analysed, doc.version) : undefined) ?? this.service.report(uri, analysed, doc.version, token));
      if (!report) return fallback;
      const lines = this.linesOf(uri, text);
      return run({ uri, report, lines, settings, annotations: this.annotations.anchored(uri, text), nameOf, totalChars: text.length });
    });
  }

  // A warning the editor shows: a window/showMessage notification, not the request showWarningMessage sends, since
  // there is nothing to answer and a client that answered the request with an error would leave a rejected promise.
  private warnUser(message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  private linesOf(uri: string, text: string): LineIndex {
    const hit = this.lineCache.get(uri);
    if (hit && hit.text === text) return hit.lines;
    const lines = new LineIndex(text);
    this.lineCache.set(uri, { text, lines });
    return lines;
  }

  private offset(ctx: FeatureContext, position: { line: number; character: number }): number {
    return ctx.lines.offset(position.line, position.character);
  }
}

// Diagnostics of a provisional report (evidence carried over from the previous version) say so in their data,
// so a client or a test can tell them from the full report that follows for the same version.
function provisional(items: Diagnostic[]): Diagnostic[] {
  return items.map((d) => ({ ...d, data: { provisional: true } }));
}

// The document a lens belongs to; data is the client's to send back, and may come back as anything.
function lensUri(lens: CodeLens): string {
  const uri = (lens.data as Partial<LensData> | null | undefined)?.uri;
  return typeof uri === 'string' ? uri : '';
}

// Every piece of evidence a diagnostic or a hover lists is named by its document (fileURLToPath takes a few µs: at
// 10,000 articles a report's diagnostics named ~700 pieces, 1–3 ms). Bounded, for a corpus that keeps changing.
const names = new Map<string, string>();

function nameOf(id: string): string {
  let name = names.get(id);
  if (name === undefined) {
    if (names.size >= 100_000) names.clear();
    names.set(id, (name = id.startsWith('file:') ? path.basename(fileURLToPath(id)) : id));
  }
  return name;
}
