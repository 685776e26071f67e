import type { z } from 'zod';

/**
 * One channel of the contract: its input schema, and its result type carried as a phantom so
 * the door, the preload, the HTTP host and the renderer's client are all typed from one map.
 */
export interface ChannelSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Channels that change the registry; read-only channels can be served to viewers. */
  readonly writes: boolean;
  readonly __output?: O;
}

export function query<I extends z.ZodType>(input: I) {
  return { returns: <O>(): ChannelSpec<I, O> => ({ input, writes: false }) };
}

export function command<I extends z.ZodType>(input: I) {
  return { returns: <O>(): ChannelSpec<I, O> => ({ input, writes: true }) };
}
