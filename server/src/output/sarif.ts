// The CLI's SARIF 2.1.0 output, for VS Code's SARIF viewer and code-scanning tools: one result per
// finding, rule ids equal to the editor's diagnostic codes, evidence as related locations, the
// researcher's "verified" as an external suppression. Written as a stream: header, one result per
// line as each article is done, footer.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../core/text/lines';
import { RULES, type Finding } from './findings';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** A file path as a SARIF artifact location: relative to the run's folder when inside it. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

export class SarifWriter {
  private results = 0;
  private readonly notifications: unknown[] = [];

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly cwd: string,
    private readonly version: string,
  ) {}

  /** Starts the log: tool, rules, and the opening of the results array. */
  begin(): void {
    const run = {
      tool: {
        driver: {
          name: 'corroborate',
          version: this.version,
          semanticVersion: this.version,
          rules: RULES.map((r) => ({
            id: r.id,
            name: r.name,
            shortDescription: { text: r.description },
            defaultConfiguration: { level: r.level },
          })),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(this.cwd + path.sep).href } },
      columnKind: 'utf16CodeUnits',
    };
    const head = JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [{ ...run, results: [] }] }, null, 2);
    // Cut the empty results array open; everything after it is written by end().
    this.write(head.slice(0, head.lastIndexOf('[]')) + '[');
  }

  /** Writes one article's findings; `text` is the article, `pathOf` names evidence documents. */
  add(file: string, text: string, findings: readonly Finding[], pathOf: (documentId: string) => string): void {
    const lines = new LineIndex(text);
    for (const f of findings) {
      const result: Record<string, unknown> = {
        ruleId: f.rule,
        ruleIndex: RULES.findIndex((r) => r.id === f.rule),
        level: f.level,
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, this.cwd), region: f.rule === 'orphaned-annotation' ? { startLine: 1, startColumn: 1 } : region(lines, f.start, f.end, f.text) } }],
        partialFingerprints: { 'corroborate/span/v1': fingerprint(f) },
      };
      if (f.evidence.length > 0) {
        result.relatedLocations = f.evidence.map((e, i) => {
          const at = pathOf(e.documentId);
          return {
            id: i + 1,
            physicalLocation: {
              artifactLocation: artifactLocation(at, this.cwd),
              region: { startLine: e.line + 1, startColumn: e.character + 1, endLine: e.endLine + 1, endColumn: e.endCharacter + 1, snippet: { text: e.text } },
            },
            message: { text: `${e.relation} (${e.score.toFixed(2)}) in ${path.basename(at)}` },
          };
        });
      }
      if (f.suppressed && f.annotation) {
        result.suppressions = [{ kind: 'external', status: 'accepted', justification: `${f.annotation.status} by the researcher${f.annotation.note ? `: ${f.annotation.note}` : ''}` }];
      }
      if (f.annotation) {
        result.properties = { annotation: { id: f.annotation.id, status: f.annotation.status, note: f.annotation.note, source: f.annotation.source } };
      }
      this.write((this.results++ === 0 ? '\n' : ',\n') + '        ' + JSON.stringify(result));
    }
  }

  /** Records a problem that is not a finding (an unreadable file, a broken annotation store). */
  notify(message: string, file?: string): void {
    this.notifications.push({ level: 'error', message: { text: message }, ...(file ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(file, this.cwd) } }] } : {}) });
  }

  /** Closes the results and the log. */
  end(exitCode: number): void {
    const invocation = { executionSuccessful: true, exitCode, toolExecutionNotifications: this.notifications };
    const invocations = JSON.stringify([invocation], null, 2).replace(/\n/g, '\n      ');
    this.write(`${this.results > 0 ? '\n      ' : ''}],\n      "invocations": ${invocations}\n    }\n  ]\n}\n`);
  }
}

function region(lines: LineIndex, start: number, end: number, text: string) {
  const s = lines.position(start);
  const e = lines.position(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, charOffset: start, charLength: end - start, snippet: { text } };
}

/** Identifies a finding across runs by what it says, not where: edits above it do not make it "new". */
function fingerprint(f: Finding): string {
  return createHash('sha256').update(`${f.rule}\0${f.text.replace(/\s+/g, ' ').trim()}`).digest('hex').slice(0, 32);
}
