import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { secureHeaders } from 'hono/secure-headers';
import { achievementRoutes } from './achievements/routes.ts';
import { appraisalRoutes } from './appraisals/routes.ts';
import { assessmentRoutes } from './assessments/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { csrfMiddleware, sessionMiddleware } from './auth/middleware.ts';
import { authRoutes } from './auth/routes.ts';
import { bulkRoutes } from './bulk/routes.ts';
import { caseworkRoutes } from './casework/routes.ts';
import { clientAddress } from './clientAddress.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { developmentRoutes } from './developments/routes.ts';
import { engagementRoutes } from './engagement/routes.ts';
import { ledgerRoutes } from './enterprises/ledger/routes.ts';
import { HttpError } from './errors.ts';
import { exportRoutes } from './exports/routes.ts';
import { healthRoutes } from './health.ts';
import { honourRoutes } from './honours/routes.ts';
import { auditRefusal, type Deps, newRouter } from './http.ts';
import { IMPORT_ROUTES } from './imports/routes.ts';
import { instructorRoutes } from './instructors/routes.ts';
import { bodyLimits, knownError } from './limits.ts';
import { describeForLog } from './logSafe.ts';
import { lostContactRoutes } from './lostContact/routes.ts';
import { memberAwayRoutes } from './members/awayRoutes.ts';
import { memberRoutes } from './members/routes.ts';
import { nationalRoutes } from './national/routes.ts';
import { orglifeRoutes } from './orglife/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { overloadGate, RETRY_AFTER_SECONDS } from './overload.ts';
import { promptRoutes } from './prompts/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { restructuringRoutes } from './restructurings/routes.ts';
import { publicOperations } from './route.ts';
import { secretaryPoolRoutes } from './secretaryPool/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { setupRoutes } from './setup/routes.ts';
import { snapshotRoutes } from './snapshots/routes.ts';
import { statsRoutes } from './stats/routes.ts';
import { submissionRoutes } from './submissions/routes.ts';
import { todoRoutes } from './todo/routes.ts';
import { trainingRoutes } from './training/routes.ts';
import { upwardRoutes } from './upward/routes.ts';
import { userRoutes } from './users/routes.ts';

/** The only API routes answered without a session; every other one is 401 before anything else runs. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  // The routes declared public (imported above, so declared by now).
  ...publicOperations,
  'GET /api/openapi.json',
  'GET /api/docs',
]);

/** The head of the OpenAPI document; scripts/gen-api-types.ts generates the web's types from the same document. */
export const OPENAPI_OBJECT = {
  openapi: '3.1.0',
  info: { title: 'Dangjian 非公党建工作管理系统 API', version: '0.1.0' },
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDist = path.join(root, 'dist/web');

export function createApp(deps: Deps) {
  const app = newRouter();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', clientAddress(deps.config.trustedProxies));
  // Load shedding and body limits come before anything reads the session or the body.
  app.use('/api/*', overloadGate({ ...deps.config, freeOnNextTurn: deps.database.kind === 'pglite' }));
  app.use('/api/*', bodyLimits(deps.config.maxUploadBytes));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', sessionMiddleware);
  // Closed by default: a route added later without a check of its own is still not public.
  app.use('/api/*', async (c, next) => {
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (!c.get('session') && !PUBLIC_ROUTES.has(`${method} ${c.req.path}`)) {
      throw new HttpError(401, 'unauthenticated', '请先登录');
    }
    await next();
  });
  app.use('/api/*', csrfMiddleware);

  app.route('/', healthRoutes);
  app.route('/', authRoutes);
  app.route('/', userRoutes);
  app.route('/', settingsRoutes);
  app.route('/', setupRoutes);
  app.route('/', auditRoutes);
  app.route('/', regionRoutes);
  app.route('/', dashboardRoutes);
  app.route('/', IMPORT_ROUTES.enterprises);
  app.route('/', ledgerRoutes);
  app.route('/', bulkRoutes);
  app.route('/', orgRoutes);
  app.route('/', IMPORT_ROUTES.orgs);
  app.route('/', IMPORT_ROUTES.members);
  app.route('/', IMPORT_ROUTES.national_members);
  app.route('/', developmentRoutes);
  app.route('/', memberRoutes);
  app.route('/', memberAwayRoutes);
  app.route('/', restructuringRoutes);
  app.route('/', promptRoutes);
  app.route('/', caseworkRoutes);
  app.route('/', exportRoutes);
  app.route('/', nationalRoutes);
  app.route('/', assessmentRoutes);
  app.route('/', statsRoutes);
  app.route('/', reportRoutes);
  app.route('/', submissionRoutes);
  app.route('/', upwardRoutes);
  app.route('/', snapshotRoutes);
  app.route('/', instructorRoutes);
  app.route('/', secretaryPoolRoutes);
  app.route('/', honourRoutes);
  app.route('/', orglifeRoutes);
  app.route('/', trainingRoutes);
  app.route('/', achievementRoutes);
  app.route('/', IMPORT_ROUTES.meetings);
  app.route('/', IMPORT_ROUTES.achievements);
  app.route('/', appraisalRoutes);
  app.route('/', lostContactRoutes);
  app.route('/', engagementRoutes);
  app.route('/', todoRoutes);

  app.doc31('/api/openapi.json', OPENAPI_OBJECT);
  app.get('/api/docs', (c) => c.redirect('/api-docs.html'));

  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: { code: 'not_found', message: '接口不存在' } }, 404)
      : c.text('Not Found', 404),
  );
  app.onError(async (err, c) => {
    const known = knownError(err);
    if (known) {
      await auditRefusal(c, known);
      if (known.status === 503) c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ error: { code: known.code, message: known.message, details: known.details } }, known.status);
    }
    // What went wrong, for whoever reads the log; never a failed query's parameters (personal data).
    console.error(`${c.req.method} ${c.req.path}：${describeForLog(err)}`);
    return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
  });

  if (fs.existsSync(webDist)) {
    app.use('/*', serveStatic({ root: path.relative(process.cwd(), webDist) || '.' }));
    // The web app routes on the client: any other page path gets its shell.
    const shell = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
    app.get('*', (c) => (c.req.path.startsWith('/api/') ? c.notFound() : c.html(shell)));
  }
  return app;
}
