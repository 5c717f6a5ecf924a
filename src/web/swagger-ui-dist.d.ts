declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  interface SwaggerUIOptions {
    url?: string;
    dom_id?: string;
    deepLinking?: boolean;
    supportedSubmitMethods?: string[];
    [option: string]: unknown;
  }
  const SwaggerUI: (options: SwaggerUIOptions) => unknown;
  export default SwaggerUI;
}
