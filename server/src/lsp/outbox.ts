// Messages where only the latest matters (a document's diagnostics, a refresh request, the indexing status), sent so
// that a client which stops reading cannot make the server queue them without bound: while one message for a key is
// not yet written (or, for a request, answered), later ones for that key replace each other, and only the last is
// built and sent once the client takes the first.

export class Outbox {
  private readonly inFlight = new Set<string>();
  private readonly waiting = new Map<string, () => Promise<unknown>>();

  /**
   * Runs `send` now, or once the message in flight for `key` is out, unless a later `send` for the key comes first.
   * `send` builds the message when it runs, so work for a superseded message is never done.
   */
  send(key: string, send: () => Promise<unknown>): void {
    if (this.inFlight.has(key)) {
      this.waiting.set(key, send);
      return;
    }
    this.inFlight.add(key);
    let sent: Promise<unknown>;
    try {
      sent = send();
    } catch (e) {
      sent = Promise.reject(e);
    }
    void sent
      .catch(() => undefined) // a failed send is the connection's to report; the next one may succeed
      .finally(() => {
        this.inFlight.delete(key);
        const next = this.waiting.get(key);
        if (!next) return;
        this.waiting.delete(key);
        this.send(key, next);
      });
  }

  /** How many keys have a message in flight or waiting (for tests and the log). */
  get size(): number {
    return this.inFlight.size + this.waiting.size;
  }
}
