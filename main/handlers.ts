import type { AppInfo } from '../shared/ipc/reference';
import type { Handlers } from './door';
import type { Services } from './services';

/** Binds each channel of the contract to its service call. */
export function createHandlers(services: Services, info: () => Promise<AppInfo>): Handlers {
  const { ties, reference, settings } = services;
  return {
    'app:info': () => info(),
    'localities:list': () => reference.localities(),
    'localities:create': (input, ctx) => reference.createLocality(input, ctx),
    'localities:update': (input, ctx) => reference.updateLocality(input, ctx),
    'partners:list': (input) => reference.partners(input),
    'countries:list': () => reference.countries(),
    'settings:get': () => settings.get(),
    'settings:update': (input, ctx) => settings.update(input, ctx),
    'audit:list': (input) => reference.audit(input),
    'ties:list': (input) => ties.list(input),
    'ties:get': (input) => ties.get(input),
    'ties:events': (input) => ties.events(input),
    'ties:create': (input, ctx) => ties.create(input, ctx),
    'ties:update': (input, ctx) => ties.update(input, ctx),
    'ties:delete': (input, ctx) => ties.remove(input, ctx),
    'ties:restore': (input, ctx) => ties.restore(input, ctx),
  };
}
