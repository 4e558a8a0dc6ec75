import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Outbox } from '../../server/src/lsp/outbox';

/** A send whose delivery the test completes by hand, as a client reading (or not) would. */
function deferred() {
  let deliver!: () => void;
  const done = new Promise<void>((resolve) => (deliver = resolve));
  return { done, deliver };
}

describe('the outbox for latest-wins messages', () => {
  it('while one message for a key is out, sends only the last of the later ones, and builds none of the others', async () => {
    const outbox = new Outbox();
    const first = deferred();
    const built: number[] = [];
    outbox.send('diagnostics:a', () => (built.push(0), first.done));
    for (let i = 1; i <= 100; i++) outbox.send('diagnostics:a', async () => void built.push(i));
    assert.deepEqual(built, [0]);
    assert.equal(outbox.size, 2);
    first.deliver();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(built, [0, 100]);
    assert.equal(outbox.size, 0);
  });

  it('keeps keys apart, and goes on after a send that fails', async () => {
    const outbox = new Outbox();
    const sent: string[] = [];
    outbox.send('a', () => Promise.reject(new Error('pipe closed')));
    outbox.send('a', async () => void sent.push('a2'));
    outbox.send('b', async () => void sent.push('b1'));
    outbox.send('c', () => {
      throw new Error('thrown, not rejected');
    });
    outbox.send('c', async () => void sent.push('c2'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sent.sort(), ['a2', 'b1', 'c2']);
  });
});
