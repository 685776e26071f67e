import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { CHANNEL_NAMES, type ChannelName } from './channels';
import { interchangeChannels } from './interchange';
import { backupsChannels } from './backups';
import { placesChannels } from './places';
import { referenceChannels } from './reference';
import { registriesChannels } from './registries';
import { gridChannels } from './grid';
import { undoChannels } from './undo';
import { lettersChannels } from './letters';
import { reportsChannels } from './reports';
import { staffChannels } from './staff';
import { stepsChannels } from './steps';
import { tiesChannels } from './ties';
import { visitsChannels } from './visits';
import { workflowChannels } from './workflow';

/**
 * The one contract between the renderer and main: `feature:verb` → input schema and result.
 * Main implements every key (a missing handler is a compile error), the preload exposes
 * exactly these names, and the browser host answers them over HTTP.
 */
const channels = {
  ...referenceChannels,
  ...placesChannels,
  ...tiesChannels,
  ...lettersChannels,
  ...stepsChannels,
  ...visitsChannels,
  ...workflowChannels,
  ...undoChannels,
  ...gridChannels,
  ...interchangeChannels,
  ...backupsChannels,
  ...reportsChannels,
  ...staffChannels,
  ...registriesChannels,
};

/** Exactly the channels of CHANNEL_NAMES: an extra or a missing one does not compile. */
type Exact<T, Keys extends string> = T &
  Record<Exclude<keyof T, Keys>, never> &
  Record<Keys, ChannelSpec<z.ZodType, unknown>>;
export const contract: Exact<typeof channels, ChannelName> = channels;

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type InputOf<K extends Channel> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends Channel> = z.output<Contract[K]['input']>;
export type OutputOf<K extends Channel> =
  Contract[K] extends ChannelSpec<z.ZodType, infer O> ? O : never;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
