/**
 * The per-load CSP nonce that main wrote into the page (Vite's `cspNonce` meta tag). AG Grid
 * passes it to the style elements it injects, so the policy never needs 'unsafe-inline'.
 */
export function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || undefined;
}
