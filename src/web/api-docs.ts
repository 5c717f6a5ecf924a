// The API reference page: swagger-ui from the installed package, reading the server's
// own OpenAPI document. No inline script, no CDN: the CSP allows only 'self'.
import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';

interface SwaggerRequest {
  method?: string;
  headers: Record<string, string>;
}

// "Try it out" runs in the signed-in browser session: state changes need its CSRF token,
// which a GET of /api/session returns (and login, password and TOTP responses renew).
let csrfToken = '';
const refreshCsrf = () =>
  fetch('/api/session', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((s: { csrfToken?: string }) => {
      csrfToken = s.csrfToken ?? '';
    })
    .catch(() => undefined);
void refreshCsrf();

SwaggerUI({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  requestInterceptor: (req: SwaggerRequest) => {
    if (req.method && req.method.toUpperCase() !== 'GET') req.headers['x-csrf-token'] = csrfToken;
    return req;
  },
  responseInterceptor: (res: { url?: string; body?: { csrfToken?: string } }) => {
    if (typeof res.body?.csrfToken === 'string') csrfToken = res.body.csrfToken;
    return res;
  },
});
