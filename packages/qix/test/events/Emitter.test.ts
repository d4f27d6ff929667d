import { expect, it } from 'vitest';
import { Emitter } from '../../src/events/Emitter.js';

type Events = { ping: [n: number]; pong: [] };

it('calls listeners in order, once listeners only once, and removes them with off', () => {
  const emitter = new Emitter<Events>();
  const calls: string[] = [];
  const persistent = (n: number) => calls.push(`on:${n}`);
  const single = (n: number) => calls.push(`once:${n}`);
  emitter.on('ping', persistent).once('ping', single);
  expect(emitter.emit('ping', 1)).toBe(true);
  emitter.emit('ping', 2);
  emitter.off('ping', persistent);
  expect(emitter.emit('ping', 3)).toBe(false);
  expect(calls).toEqual(['on:1', 'once:1', 'on:2']);
});

it('removes a once listener before it fired, by the original function', () => {
  const emitter = new Emitter<Events>();
  let called = false;
  const listener = () => (called = true);
  emitter.once('pong', listener).off('pong', listener);
  emitter.emit('pong');
  expect(called).toBe(false);
  expect(emitter.hasListeners('pong')).toBe(false);
});

it('reports listener counts to subclasses, including removeAllListeners', () => {
  class Counting extends Emitter<Events> {
    count = 0;
    protected override listenerCountChanged(_event: string, delta: number): void {
      this.count += delta;
    }
  }
  const emitter = new Counting();
  const noop = () => undefined;
  emitter.on('ping', noop).on('ping', noop).once('pong', noop);
  expect(emitter.count).toBe(3);
  emitter.emit('pong');
  expect(emitter.count).toBe(2);
  emitter.removeAllListeners('ping');
  expect(emitter.count).toBe(0);
  emitter.on('pong', noop).removeAllListeners();
  expect(emitter.count).toBe(0);
});
