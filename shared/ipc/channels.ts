/**
 * The names of every channel, apart from their schemas, so the Electron preload can expose
 * exactly these without bundling zod and the datasets. `contract.ts` must have exactly these
 * keys (its type makes a missing or extra channel a compile error).
 */
export const CHANNEL_NAMES = [
  'app:info',
  'audit:list',
  'countries:list',
  'letters:create',
  'letters:delete',
  'letters:get',
  'letters:list',
  'letters:restore',
  'letters:update',
  'localities:create',
  'localities:list',
  'localities:update',
  'partners:list',
  'reports:annual',
  'reports:html',
  'reports:pdf',
  'reports:print',
  'reports:save',
  'settings:get',
  'settings:update',
  'steps:create',
  'steps:delete',
  'steps:get',
  'steps:list',
  'steps:restore',
  'steps:update',
  'ties:create',
  'ties:delete',
  'ties:events',
  'ties:get',
  'ties:list',
  'ties:restore',
  'ties:update',
  'visits:create',
  'visits:delete',
  'visits:get',
  'visits:list',
  'visits:restore',
  'visits:update',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
