import type { AppInfo } from '../shared/ipc/reference';
import type { Handlers } from './door';
import type { Services } from './services';

/** Binds each channel of the contract to its service call. */
export function createHandlers(services: Services, info: () => Promise<AppInfo>): Handlers {
  const { ties, letters, steps, visits, reference, settings, reports } = services;
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
    'letters:list': (input) => letters.list(input),
    'letters:get': (input) => letters.get(input),
    'letters:create': (input, ctx) => letters.create(input, ctx),
    'letters:update': (input, ctx) => letters.update(input, ctx),
    'letters:delete': (input, ctx) => letters.setDeleted(input, true, ctx),
    'letters:restore': (input, ctx) => letters.setDeleted(input, false, ctx),
    'steps:list': (input) => steps.list(input),
    'steps:get': (input) => steps.get(input),
    'steps:create': (input, ctx) => steps.create(input, ctx),
    'steps:update': (input, ctx) => steps.update(input, ctx),
    'steps:delete': (input, ctx) => steps.setDeleted(input, true, ctx),
    'steps:restore': (input, ctx) => steps.setDeleted(input, false, ctx),
    'visits:list': (input) => visits.list(input),
    'visits:get': (input) => visits.get(input),
    'visits:create': (input, ctx) => visits.create(input, ctx),
    'visits:update': (input, ctx) => visits.update(input, ctx),
    'visits:delete': (input, ctx) => visits.setDeleted(input, true, ctx),
    'visits:restore': (input, ctx) => visits.setDeleted(input, false, ctx),
    'reports:annual': (input, ctx) => reports.annual(input, ctx),
    'reports:html': (input, ctx) => reports.html(input, ctx),
    'reports:pdf': (input, ctx) => reports.pdf(input, ctx),
    'reports:print': (input, ctx) => reports.print(input, ctx),
    'reports:save': (input, ctx) => reports.save(input, ctx),
  };
}
