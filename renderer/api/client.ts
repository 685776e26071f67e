import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { WireError, WireResult } from '../../shared/result';

/**
 * The renderer's one way to main: the same contract over the Electron preload bridge or over
 * HTTP to the browser host (with this run's token from the URL fragment).
 */
export type Bridge = {
  readonly [K in Channel]: (input: unknown) => Promise<WireResult<unknown>>;
} & {
  readonly onMenu?: (listener: (command: string) => void) => () => void;
};

declare global {
  interface Window {
    readonly youcheng?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(readonly error: WireError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

type Transport = (channel: Channel, input: unknown) => Promise<WireResult<unknown>>;

const TOKEN_KEY = 'youcheng.token';

/** The host token: from `#token=…` on first load, then kept for reloads of this tab. */
export function hostToken(): string | null {
  const match = /token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const CLIENT_KEY = 'youcheng.client';

/**
 * This tab's own id for the browser host: a sign-in binds to it, so two tabs are two clients.
 * Kept for reloads of the tab (sessionStorage), never shared with another tab.
 */
export function clientId(): string {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    id = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

function httpTransport(): Transport {
  return async (channel, input) => {
    const token = hostToken();
    let response: Response;
    try {
      response = await fetch(`/api/call/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token ?? ''}`,
          'X-Youcheng-Client': clientId(),
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'unavailable',
          key: 'errors.network',
          params: {},
          message: 'Youcheng could not be reached.',
        },
      };
    }
    return (await response.json()) as WireResult<unknown>;
  };
}

function bridgeTransport(bridge: Bridge): Transport {
  return (channel, input) => bridge[channel](input);
}

let transport: Transport | null = null;
function current(): Transport {
  transport ??= window.youcheng ? bridgeTransport(window.youcheng) : httpTransport();
  return transport;
}

const SIGN_IN_NEEDED = 'youcheng:sign-in-needed';

/** Calls `listener` when main refuses a call because this client is not signed in. */
export function onSignInNeeded(listener: () => void): () => void {
  window.addEventListener(SIGN_IN_NEEDED, listener);
  return () => window.removeEventListener(SIGN_IN_NEEDED, listener);
}

/** How long an answer asked for early waits for its call before it is dropped. */
const EARLY_MS = 5000;

/** Answers asked for as the page starts, each for the first call of its channel. */
const early = new Map<Channel, { readonly input: string; readonly answer: Promise<unknown> }>();

/**
 * Asks main now what a component will ask when it mounts (`after` settles first, when given):
 * the first call of the channel takes the answer if its input is the same and main said yes,
 * and asks again otherwise, so an early answer never stands in for a different question or a
 * later one. An answer no call takes within a few seconds is dropped.
 */
export function callEarly<K extends Channel>(
  channel: K,
  input: InputOf<K>,
  after?: Promise<unknown>,
): Promise<unknown> {
  const ask = () => current()(channel, input);
  // Without `after`, the request leaves now, not in a microtask: those run only once the
  // whole bundle has been evaluated, a tenth of a second later.
  const answer = after ? after.then(ask, ask) : ask();
  // Nobody may take it: a failure here is only the call that will be made again.
  answer.catch(() => undefined);
  early.set(channel, { input: JSON.stringify(input ?? {}), answer });
  setTimeout(() => {
    if (early.get(channel)?.answer === answer) early.delete(channel);
  }, EARLY_MS);
  return answer;
}

async function takeEarly(channel: Channel, input: unknown): Promise<WireResult<unknown> | null> {
  const entry = early.get(channel);
  if (!entry) return null;
  early.delete(channel);
  if (entry.input !== JSON.stringify(input ?? {})) return null;
  const result = (await entry.answer.catch(() => null)) as WireResult<unknown> | null;
  return result?.ok ? result : null;
}

async function send(channel: Channel, input: unknown): Promise<WireResult<unknown>> {
  const result = (await takeEarly(channel, input)) ?? (await current()(channel, input));
  if (!result.ok && result.error.key === 'auth.signInNeeded')
    window.dispatchEvent(new Event(SIGN_IN_NEEDED));
  return result;
}

/** Calls a channel; resolves to its value or rejects with the error as data. */
export async function call<K extends Channel>(channel: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await send(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<K>;
}

/** Calls a channel and returns the result as data, for callers that handle refusals inline. */
export async function attempt<K extends Channel>(
  channel: K,
  input: InputOf<K>,
): Promise<WireResult<OutputOf<K>>> {
  return (await send(channel, input)) as WireResult<OutputOf<K>>;
}

export const runsInElectron = (): boolean => window.youcheng !== undefined;
