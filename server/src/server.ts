// LSP glue: capabilities, document sync, corpus loading, and one-line handlers into features/.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorroborateService } from './core/service';
import { LineIndex, stripBom } from './core/text/lines';
import { codeLenses } from './features/codeLens';
import type { FeatureContext } from './features/context';
import { diagnostics } from './features/diagnostics';
import { hover } from './features/hover';
import { corpusFiles } from './host/corpusFiles';
import { ANNOTATE_COMMAND, EXPORT_ANNOTATIONS_COMMAND, FileAnnotations, IMPORT_ANNOTATIONS_COMMAND, parseAnnotationRequest } from './host/fileAnnotations';
import { readArticle } from './host/files';
import { VERSION } from './version';

interface Settings {
  corpus: string[];
}

const DEFAULT_SETTINGS: Settings = { corpus: ['seeds'] };

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const service = new CorroborateService();
  let roots: string[] = [];
  let settings: Settings = DEFAULT_SETTINGS;
  let corpusReady: Promise<void> = Promise.resolve();

  // A broken store is named (file:line) once per change of the file, and never rewritten.
  const annotations = new FileAnnotations((problem) => void connection.window.showWarningMessage(`Corroborate annotations: ${problem}`));
  const nameOf = (id: string) => (id.startsWith('file:') ? path.basename(fileURLToPath(id)) : id);

  const context = (uri: string): FeatureContext | undefined => {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const text = stripBom(doc.getText());
    const report = service.report(uri, text, doc.version);
    return { uri, report, lines: new LineIndex(text), nameOf, annotations: annotations.anchored(uri, text) };
  };

  const loadCorpus = async (): Promise<void> => {
    for (const root of roots) {
      const { files, problems } = corpusFiles(root, settings.corpus);
      for (const p of problems) connection.console.warn(`corpus: ${p}`);
      for (const file of files) {
        const uri = pathToFileURL(file).toString();
        if (documents.get(uri)) continue;
        const read = readArticle(file);
        if (read.ok) service.setDocument(uri, read.text);
        else connection.console.warn(`corpus: ${file}: ${read.error}`);
      }
    }
    connection.console.info(`Corroborate ${VERSION}: ${service.corpus.documentIds.length} corpus documents indexed`);
  };

  const publish = (uri: string) => {
    const ctx = context(uri);
    if (ctx) void connection.sendDiagnostics({ uri, version: ctx.report.version, diagnostics: diagnostics(ctx) });
  };
  const publishAll = () => documents.all().forEach((d) => publish(d.uri));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (roots.length === 0 && params.rootUri) roots = [fileURLToPath(params.rootUri)];
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (init && Array.isArray(init.corpus)) settings = { ...settings, corpus: init.corpus.map(String) };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [ANNOTATE_COMMAND, EXPORT_ANNOTATIONS_COMMAND, IMPORT_ANNOTATIONS_COMMAND] },
      },
      serverInfo: { name: 'corroborate', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    corpusReady = loadCorpus().then(publishAll);
  });

  documents.onDidChangeContent(({ document }) => {
    service.setDocument(document.uri, stripBom(document.getText()));
    void corpusReady.then(publishAll);
  });
  documents.onDidClose(({ document }) => {
    service.forget(document.uri);
    annotations.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument, position }) => {
    await corpusReady;
    const ctx = context(textDocument.uri);
    return ctx ? hover(ctx, ctx.lines.offset(position.line, position.character)) : null;
  });
  connection.onCodeLens(async ({ textDocument }) => {
    await corpusReady;
    const ctx = context(textDocument.uri);
    return ctx ? codeLenses(ctx) : [];
  });

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const arg = (args?.[0] ?? {}) as { format?: unknown; content?: unknown };
    const format = arg.format === 'csv' ? 'csv' : 'jsonld';
    try {
      if (command === ANNOTATE_COMMAND) {
        const request = parseAnnotationRequest(args?.[0]);
        if (typeof request === 'string') throw new ResponseError(-32602, `${ANNOTATE_COMMAND}: ${request}`);
        const doc = documents.get(request.uri);
        if (!doc) throw new ResponseError(-32803, `${ANNOTATE_COMMAND}: ${request.uri} is not open`);
        const id = await annotations.annotate(request, stripBom(doc.getText()));
        publish(request.uri);
        return { id };
      }
      if (command === EXPORT_ANNOTATIONS_COMMAND) return annotations.export(roots, format);
      if (command === IMPORT_ANNOTATIONS_COMMAND) {
        if (typeof arg.content !== 'string') throw new ResponseError(-32602, `${IMPORT_ANNOTATIONS_COMMAND}: content must be a string`);
        const result = await annotations.import(roots, arg.content, format);
        publishAll();
        return result;
      }
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      throw new ResponseError(-32803, (e as Error).message);
    }
    throw new ResponseError(-32601, `unknown command ${command}`);
  });

  documents.listen(connection);
  connection.listen();
}
